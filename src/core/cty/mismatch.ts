// cty convert.MismatchMessage: why a value of type `got` cannot become `want`, in cty's words.

import {canConvert} from './convert.js';
import {typeEquals, typeFriendlyNameForConstraint} from './types.js';
import type {Type} from './value.js';

function required(want: Type): string {
	return `${typeFriendlyNameForConstraint(want)} required`;
}

export function mismatchMessage(got: Type, want: Type): string {
	if (got.kind === 'object' && want.kind === 'object') return objectsMessage(got, want);
	if (got.kind === 'tuple' && want.kind === 'list' && want.elem.kind === 'dynamic') {
		return 'all list elements must have the same type';
	}
	if (got.kind === 'tuple' && want.kind === 'set' && want.elem.kind === 'dynamic') {
		return 'all set elements must have the same type';
	}
	if (got.kind === 'object' && want.kind === 'map' && want.elem.kind === 'dynamic') {
		return 'all map elements must have the same type';
	}
	const wantColl = want.kind === 'list' || want.kind === 'set' || want.kind === 'map';
	if ((got.kind === 'tuple' || got.kind === 'object') && wantColl) {
		return fromStructural(got, want);
	}
	if ((got.kind === 'list' || got.kind === 'set' || got.kind === 'map') && wantColl) {
		return fromCollection(got, want);
	}
	return required(want);
}

function objectsMessage(got: Type & {kind: 'object'}, want: Type & {kind: 'object'}): string {
	const opt = new Set(want.optional ?? []);
	const missing: string[] = [];
	let unsafeMismatch = '';
	let safeMismatch = '';
	// cty iterates a Go map here (random order); sorting makes our choice deterministic.
	for (const name of Object.keys(want.attrs).sort()) {
		const wt = want.attrs[name] as Type;
		const gt = got.attrs[name];
		if (gt === undefined) {
			if (!opt.has(name)) missing.push(name);
			continue;
		}
		if (unsafeMismatch) continue;
		if (!canConvert(gt, wt, true)) {
			unsafeMismatch = `attribute "${name}": ${mismatchMessage(gt, wt)}`;
		}
		if (safeMismatch) continue;
		if (!canConvert(gt, wt, false)) {
			safeMismatch = `attribute "${name}": ${mismatchMessage(gt, wt)}`;
		}
	}
	if (missing.length === 1) return `attribute "${missing[0]}" is required`;
	if (missing.length === 2) return `attributes "${missing[0]}" and "${missing[1]}" are required`;
	if (missing.length > 2) {
		const head = missing
			.slice(0, -1)
			.map((n) => `"${n}", `)
			.join('');
		return `attributes ${head}and "${missing[missing.length - 1]}" are required`;
	}
	return unsafeMismatch || safeMismatch || 'incorrect object attributes';
}

function fromStructural(got: Type, want: Type & {kind: 'list' | 'set' | 'map'}): string {
	if ((want.kind === 'list' || want.kind === 'set') && got.kind !== 'tuple') return required(want);
	if (want.kind === 'map' && got.kind !== 'object') return required(want);
	const we = want.elem;
	if (got.kind === 'tuple') {
		for (const [i, t] of got.elems.entries()) {
			if (typeEquals(t, we) || canConvert(t, we, true)) continue;
			return `element ${i}: ${mismatchMessage(t, we)}`;
		}
	} else if (got.kind === 'object') {
		for (const name of Object.keys(got.attrs).sort()) {
			const t = got.attrs[name] as Type;
			if (typeEquals(t, we) || canConvert(t, we, true)) continue;
			return `element "${name}": ${mismatchMessage(t, we)}`;
		}
	}
	return `all elements must be ${typeFriendlyNameForConstraint(we)}`;
}

function fromCollection(
	got: Type & {kind: 'list' | 'set' | 'map'},
	want: Type & {kind: 'list' | 'set' | 'map'},
): string {
	const seqs = got.kind === 'list' || got.kind === 'set';
	if ((want.kind === 'list' || want.kind === 'set') && !seqs) return required(want);
	if (want.kind === 'map' && got.kind !== 'map') return required(want);
	return `incorrect ${want.kind} element type: ${mismatchMessage(got.elem, want.elem)}`;
}
