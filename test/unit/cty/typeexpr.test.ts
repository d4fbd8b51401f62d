import {describe, expect, it} from 'vitest';
import {typeFromExpr} from '../../../src/core/cty/typeexpr.js';
import {
	typeFriendlyName,
	typeFriendlyNameForConstraint,
	typeString,
} from '../../../src/core/cty/types.js';
import {num} from '../../../src/core/cty/value.js';
import {DiagnosticError} from '../../../src/core/diagnostics.js';
import {parseExpression} from '../../../src/core/hcl/parser.js';

function typeOfText(text: string) {
	const r = parseExpression(text, 'types.hcl');
	expect(r.diagnostics).toEqual([]);
	return typeFromExpr(r.expr, () => num(7));
}

function errorOf(text: string) {
	try {
		typeOfText(text);
	} catch (e) {
		expect(e).toBeInstanceOf(DiagnosticError);
		const d = (e as DiagnosticError).diagnostics[0];
		return {summary: d?.summary, detail: d?.detail, col: d?.range?.start.col};
	}
	throw new Error('no error');
}

describe('typeFromExpr', () => {
	it('reads keywords and constructors', () => {
		for (const t of [
			'string',
			'number',
			'bool',
			'any',
			'list(string)',
			'set(number)',
			'map(list(bool))',
			'tuple([string, number])',
			'object({a=string, b=list(number)})',
		]) {
			expect(typeString(typeOfText(t))).toBe(t);
		}
	});
	it('reads optional attributes with defaults', () => {
		const t = typeOfText('object({a = string, b = optional(number, 7)})');
		expect(t.kind === 'object' && t.optional).toEqual(['b']);
		expect(t.kind === 'object' && t.defaults?.b).toEqual(num(7));
	});
	it('gives friendly names', () => {
		expect(typeFriendlyName(typeOfText('list(map(string))'))).toBe('list of map of string');
		expect(typeFriendlyName(typeOfText('any'))).toBe('dynamic');
		expect(typeFriendlyNameForConstraint(typeOfText('list(any)'))).toBe('list of any');
		expect(typeFriendlyName(typeOfText('object({})'))).toBe('object');
	});
	it('reports invalid specifications with positions', () => {
		expect(errorOf('foo')).toEqual({
			summary: 'Invalid type specification',
			detail: 'The keyword "foo" is not a valid type specification.',
			col: 1,
		});
		expect(errorOf('list').detail).toBe(
			'The list type constructor requires one argument specifying the element type.',
		);
		expect(errorOf('optional(string)').detail).toBe(
			'Keyword "optional" is valid only as a modifier for object type attributes.',
		);
		expect(errorOf('string(1)').detail).toBe(
			'Primitive type keyword "string" does not expect arguments.',
		);
		expect(errorOf('list(blah(x))')).toEqual({
			summary: 'Invalid type specification',
			detail: 'Keyword "blah" is not a valid type constructor.',
			col: 6,
		});
		expect(errorOf('"x"').detail).toContain(
			'A type specification is either a primitive type keyword',
		);
	});
});
