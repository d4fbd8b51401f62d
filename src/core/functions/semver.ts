// semvercmp(version, constraint): Masterminds/semver v3 parsing and constraint checks, which
// buildx uses. Regular expressions below are those of the library (they are JS-compatible).

import {bool, STRING} from '../cty/value.js';
import {str as strArg} from './args.js';
import type {FunctionDef} from './types.js';
import {FunctionArgError} from './types.js';

export interface SemVersion {
	readonly major: bigint;
	readonly minor: bigint;
	readonly patch: bigint;
	readonly pre: string;
}

const VERSION_RE =
	/^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;

/** semver.NewVersion (the lenient parser: `v` prefix, missing minor/patch allowed). */
export function parseVersion(s: string): SemVersion {
	const m = VERSION_RE.exec(s);
	if (!m) throw new Error('Invalid Semantic Version');
	const pre = m[5] ?? '';
	if (pre !== '') {
		for (const part of pre.split('.')) {
			if (/^[0-9]+$/.test(part) && part.length > 1 && part.startsWith('0')) {
				throw new Error('Version segment starts with 0');
			}
		}
	}
	const seg = (x: string | undefined) => (x ? BigInt(x.slice(1)) : 0n);
	return {major: BigInt(m[1] ?? '0'), minor: seg(m[2]), patch: seg(m[3]), pre};
}

function comparePrePart(s: string, o: string): number {
	if (s === o) return 0;
	if (s === '') return -1;
	if (o === '') return 1;
	const sn = /^[0-9]+$/.test(s);
	const on = /^[0-9]+$/.test(o);
	if (!sn && !on) return s > o ? 1 : -1;
	if (!on) return -1; // numbers sort before alphanumerics
	if (!sn) return 1;
	const a = BigInt(s);
	const b = BigInt(o);
	return a > b ? 1 : a < b ? -1 : 0;
}

export function compareVersions(v: SemVersion, o: SemVersion): number {
	for (const k of ['major', 'minor', 'patch'] as const) {
		if (v[k] !== o[k]) return v[k] > o[k] ? 1 : -1;
	}
	if (v.pre === o.pre) return 0;
	if (v.pre === '') return 1;
	if (o.pre === '') return -1;
	const sp = v.pre.split('.');
	const op = o.pre.split('.');
	for (let i = 0; i < Math.max(sp.length, op.length); i++) {
		const d = comparePrePart(sp[i] ?? '', op[i] ?? '');
		if (d !== 0) return d;
	}
	return 0;
}

interface Constraint {
	readonly op: string;
	readonly con: SemVersion;
	readonly dirty: boolean;
	readonly minorDirty: boolean;
	readonly patchDirty: boolean;
}

const CV = String.raw`v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
const OPS = String.raw`=||!=|>|<|>=|=>|<=|=<|~|~>|\^`;
const CONSTRAINT_RE = new RegExp(String.raw`^\s*(${OPS})\s*(${CV})\s*$`);
const RANGE_RE = new RegExp(String.raw`\s*(${CV})\s+-\s+(${CV})\s*`, 'g');
const FIND_RE = new RegExp(String.raw`(${OPS})\s*(${CV})`, 'g');
const VALID_RE = new RegExp(
	String.raw`^(\s*(${OPS})\s*(${CV})\s*)((?:\s+|,\s*)(${OPS})\s*(${CV})\s*)*$`,
);

const isX = (s: string | undefined) => s === 'x' || s === 'X' || s === '*';

function parseConstraint(c: string): Constraint {
	const m = CONSTRAINT_RE.exec(c);
	if (!m) throw new Error(`improper constraint: ${c}`);
	const pre = m[6] ?? '';
	let ver = m[2] ?? '';
	let dirty = false;
	let minorDirty = false;
	let patchDirty = false;
	const minor = m[4] ?? '';
	const patch = m[5] ?? '';
	if (isX(m[3]) || !m[3]) {
		ver = `0.0.0${pre}`;
		dirty = true;
	} else if (isX(minor.slice(1)) || minor === '') {
		ver = `${m[3]}.0.0${pre}`;
		dirty = minorDirty = true;
	} else if (isX(patch.slice(1)) || patch === '') {
		ver = `${m[3]}${minor}.0${pre}`;
		dirty = patchDirty = true;
	}
	let con: SemVersion;
	try {
		con = parseVersion(ver);
	} catch {
		throw new Error('constraint Parser Error');
	}
	return {op: m[1] ?? '', con, dirty, minorDirty, patchDirty};
}

/** semver.NewConstraint: `a - b` ranges, `||` alternatives, comma/space conjunctions. */
export function parseConstraints(text: string): Constraint[][] {
	const rewritten = text.replace(RANGE_RE, (_all, a: string, ...rest: unknown[]) => {
		return `>= ${a}, <= ${rest[9] as string}`;
	});
	return rewritten.split('||').map((group) => {
		if (!VALID_RE.test(group)) throw new Error(`improper constraint: ${group}`);
		const found = group.match(FIND_RE) ?? [group];
		return found.map(parseConstraint);
	});
}

function check(v: SemVersion, c: Constraint): boolean {
	const {con} = c;
	// Prerelease versions only satisfy constraints that themselves name a prerelease (for `!=`
	// only when the constraint has wildcards, as in the library).
	if (v.pre !== '' && con.pre === '' && (c.op !== '!=' || c.dirty)) return false;
	const cmp = compareVersions(v, con);
	switch (c.op) {
		case '':
		case '=':
			return c.dirty ? tilde(v, c, cmp) : cmp === 0;
		case '!=':
			if (c.dirty) {
				if (con.major !== v.major) return true;
				if (c.minorDirty) return false;
				if (con.minor !== v.minor) return true;
				if (!c.patchDirty && con.patch !== v.patch) return true;
				if (c.patchDirty) return (v.pre !== '' || con.pre !== '') && v.pre !== con.pre;
			}
			return cmp !== 0;
		case '>':
			if (!c.dirty) return cmp > 0;
			if (v.major !== con.major) return v.major > con.major;
			if (c.minorDirty) return false;
			if (c.patchDirty) return v.minor > con.minor;
			return cmp > 0;
		case '<':
			return cmp < 0;
		case '>=':
		case '=>':
			return cmp >= 0;
		case '<=':
		case '=<':
			if (!c.dirty) return cmp <= 0;
			if (v.major > con.major) return false;
			return !(v.major === con.major && v.minor > con.minor && !c.minorDirty);
		case '~':
		case '~>':
			return tilde(v, c, cmp);
		default:
			return caret(v, c, cmp);
	}
}

function tilde(v: SemVersion, c: Constraint, cmp: number): boolean {
	const {con} = c;
	if (cmp < 0) return false;
	if (con.major === 0n && con.minor === 0n && con.patch === 0n && !c.minorDirty && !c.patchDirty) {
		return true;
	}
	if (v.major !== con.major) return false;
	return !(v.minor !== con.minor && !c.minorDirty);
}

function caret(v: SemVersion, c: Constraint, cmp: number): boolean {
	const {con} = c;
	if (cmp < 0) return false;
	if (con.major > 0n || c.minorDirty) return v.major === con.major;
	if (v.major > 0n) return false;
	if (con.minor > 0n || c.patchDirty) return v.minor === con.minor;
	if (v.minor > 0n) return false;
	return v.patch === con.patch;
}

export function satisfies(version: SemVersion, constraints: Constraint[][]): boolean {
	return constraints.some((group) => group.every((c) => check(version, c)));
}

export const SEMVER_FUNCTIONS: Record<string, FunctionDef> = {
	semvercmp: {
		description: 'Reports whether a semantic version satisfies a Masterminds/semver constraint.',
		params: [
			{name: 'version', type: STRING},
			{name: 'constraint', type: STRING},
		],
		impl: (args) => {
			const v = strArg(args, 0);
			const c = strArg(args, 1);
			let version: SemVersion;
			try {
				version = parseVersion(v);
			} catch (err) {
				throw new FunctionArgError(
					0,
					`invalid version ${JSON.stringify(v)}: ${(err as Error).message}`,
				);
			}
			let constraints: Constraint[][];
			try {
				constraints = parseConstraints(c);
			} catch (err) {
				throw new FunctionArgError(
					1,
					`invalid constraint ${JSON.stringify(c)}: ${(err as Error).message}`,
				);
			}
			return bool(satisfies(version, constraints));
		},
	},
};
