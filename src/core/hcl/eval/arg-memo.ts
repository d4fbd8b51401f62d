// Memo table for calls of pure user functions, keyed by argument values.
//
// Functions calling functions (`elem_tag` calls `elem`) are remembered so that a chain of
// them stays linear. The key is one string per call, with every string length-prefixed so
// that no escaping is needed to keep lists apart.
// (A tree of Maps walked argument by argument was tried: no faster on hits, and on a
// 10,000-instance tree the nodes it kept alive doubled the garbage collector's work.)
//
// Values are told apart exactly (kinds included: a tuple and a list of the same strings are
// different values). Numbers, nulls, maps and objects are not memoized (a number's text hides
// its precision; the others are rare in naming calls).

import type {Value} from '../../cty/value.js';

export class ArgMemo {
	readonly #table = new Map<string, Value>();

	// The key of the arguments last asked for: a miss is followed by a set of the same call's
	// arguments, which is not keyed a second time.
	#lastArgs: readonly Value[] | undefined;
	#lastKey: string | undefined;

	#keyOf(args: readonly Value[]): string | undefined {
		if (args !== this.#lastArgs) {
			this.#lastArgs = args;
			this.#lastKey = argsKey(args);
		}
		return this.#lastKey;
	}

	get(args: readonly Value[]): Value | undefined {
		const key = this.#keyOf(args);
		return key === undefined ? undefined : this.#table.get(key);
	}

	/** Remembers the value; arguments that cannot be keyed are ignored. */
	set(args: readonly Value[], value: Value): void {
		const key = this.#keyOf(args);
		if (key !== undefined) this.#table.set(key, value);
	}
}

function argsKey(args: readonly Value[]): string | undefined {
	let out = '';
	for (let i = 0; i < args.length; i++) {
		const k = valueKey(args[i] as Value);
		if (k === undefined) return undefined;
		out += k;
	}
	return out;
}

function valueKey(v: Value): string | undefined {
	switch (v.kind) {
		case 'string':
			return `${v.value.length}:${v.value}`;
		case 'bool':
			return v.value ? 'T' : 'F';
		case 'tuple':
		case 'list':
		case 'set': {
			let out: string;
			if (v.kind === 'tuple') out = '(';
			else if (v.elem.kind === 'string') out = v.kind === 'list' ? 'L[' : 'S[';
			else if (v.elem.kind === 'bool') out = v.kind === 'list' ? 'l[' : 's[';
			else return undefined;
			for (let i = 0; i < v.items.length; i++) {
				const k = valueKey(v.items[i] as Value);
				if (k === undefined) return undefined;
				out += k;
			}
			return `${out})`;
		}
		default:
			return undefined;
	}
}
