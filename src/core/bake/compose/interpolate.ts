// Interpolating a whole compose document (compose-go interpolation.Interpolate): every string
// value is substituted, keys are not, and it happens before anything is filtered, so a bad `$`
// in a field bake never reads (`command:`) still fails the file, as it does in buildx. Errors
// name the path (`services.app.build.args.FOO`, list items as `[]`) as compose-go does.

import type {Range} from '../../diagnostics.js';
import {ComposeError} from './errors.js';
import {InvalidTemplateError, type Lookup, substitute} from './template.js';
import {isMap, newMap, OverrideTag, type YValue} from './values.js';

export type Locate = (path: readonly (string | number)[]) => Range | undefined;

export function interpolate(value: YValue, lookup: Lookup, locate?: Locate): YValue {
	const walk = (v: YValue, path: (string | number)[], shown: string[]): YValue => {
		if (typeof v === 'string') {
			try {
				return substitute(v, lookup);
			} catch (e) {
				const where = shown.join('.');
				const message =
					e instanceof InvalidTemplateError
						? `invalid interpolation format for ${where}.\nYou may need to escape any $ with another $.\n${e.template}`
						: `error while interpolating ${where}: ${(e as Error).message}`;
				throw new ComposeError(message, locate?.(path));
			}
		}
		if (v instanceof OverrideTag) return new OverrideTag(walk(v.value, path, shown));
		if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i], [...shown, '[]']));
		if (isMap(v)) {
			const out = newMap();
			for (const [k, x] of Object.entries(v)) out[k] = walk(x, [...path, k], [...shown, k]);
			return out;
		}
		return v;
	};
	return walk(value, [], []);
}
