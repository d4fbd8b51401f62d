// Typed adapter over hcl2-parser (GopherJS build of hashicorp/hcl via tmccombs/hcl2json), used
// only as a test oracle. Its typings are unusable (every import is `any`), so it is loaded
// through createRequire and checked at runtime here, in one place.

import {createRequire} from 'node:module';

/** Parse HCL with the oracle: the JSON-like structure, or undefined when it reports an error. */
export type Oracle = (src: string) => unknown;

export function loadOracle(): Oracle {
	const require = createRequire(import.meta.url);
	const mod: unknown = require('hcl2-parser');
	const fn: unknown =
		typeof mod === 'object' && mod !== null ? Reflect.get(mod, 'parseToObject') : undefined;
	if (typeof fn !== 'function') throw new Error('hcl2-parser has no parseToObject');
	return (src: string): unknown => {
		const res: unknown = fn(src);
		if (!Array.isArray(res)) throw new Error('hcl2-parser returned a non-tuple');
		const [value, error] = res as [unknown, unknown];
		return error === null || error === undefined ? value : undefined;
	};
}
