import {describe, expect, it} from 'vitest';
import {renderValue, valueFromJs} from '../../../src/core/cty/format.js';
import {
	JsonError,
	jsonDecode,
	jsonDecodeAs,
	jsonEncode,
	jsonImpliedType,
} from '../../../src/core/cty/json.js';
import {typeString} from '../../../src/core/cty/types.js';
import {list, map, NUMBER, STRING, str} from '../../../src/core/cty/value.js';

describe('jsonEncode', () => {
	it('writes Go encoding/json output with sorted keys', () => {
		expect(jsonEncode(valueFromJs({b: [1, 'x'], a: true, c: null}))).toBe(
			'{"a":true,"b":[1,"x"],"c":null}',
		);
		expect(
			jsonEncode(
				map(STRING, [
					['z', str('1')],
					['a', str('2')],
				]),
			),
		).toBe('{"a":"2","z":"1"}');
		expect(jsonEncode(list(NUMBER, []))).toBe('[]');
	});
	it('escapes like Go (HTML-safe, control characters, U+2028)', () => {
		expect(jsonEncode(str('<a href="x">&</a>'))).toBe(
			'"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"',
		);
		expect(jsonEncode(str('a\nb\tc\u0001\u2028\\'))).toBe('"a\\nb\\tc\\u0001\\u2028\\\\"');
		expect(jsonEncode(str('é😀'))).toBe('"é😀"');
	});
	it('prints numbers as cty does', () => {
		const big = jsonDecode('123456789012345678901234567890.5');
		expect(jsonEncode(big)).toBe('123456789012345678901234567890.5');
		expect(jsonEncode(valueFromJs(1.5))).toBe('1.5');
		expect(jsonEncode(jsonDecode('1e3'))).toBe('1000');
	});
});

describe('jsonDecode', () => {
	it('implies object/tuple types', () => {
		const v = jsonDecode(' {"a": [1, "x", null], "b": {"c": false}} ');
		expect(renderValue(v)).toBe('{a = [1, "x", null], b = {c = false}}');
		expect(typeString(jsonImpliedType('{"a": [1, "x"]}'))).toBe(
			'object({a=tuple([number, string])})',
		);
		expect(typeString(jsonImpliedType('null'))).toBe('any');
	});
	it('keeps numbers exact', () => {
		const v = jsonDecode('9007199254740993');
		expect(v.kind === 'number' && v.value.toString()).toBe('9007199254740993');
	});
	it('round-trips', () => {
		for (const text of [
			'{"a":[1,2.5,"x\\u003c"],"b":{"c":null}}',
			'[]',
			'"s"',
			'true',
			'[[],{}]',
		]) {
			expect(jsonEncode(jsonDecode(text))).toBe(text);
		}
	});
	it('reports errors in Go words', () => {
		const e = (t: string): string => {
			try {
				jsonDecode(t);
			} catch (err) {
				expect(err).toBeInstanceOf(JsonError);
				return (err as Error).message;
			}
			return 'no error';
		};
		expect(e('{"a": x}')).toBe("invalid character 'x' looking for beginning of value");
		expect(e('[1, 2')).toBe('unexpected end of JSON input');
		expect(e('{"a" 1}')).toBe("invalid character '1' after object key");
		expect(e('[1 2]')).toBe("invalid character '2' after array element");
		expect(e('{"a":1,"a":2}')).toBe('duplicate "a" property in JSON object');
		expect(e('1 2')).toBe('extraneous data after JSON object');
		expect(e('')).toBe('EOF');
	});
	it('decodes into a type', () => {
		const v = jsonDecodeAs('["a", 1]', {kind: 'list', elem: STRING});
		expect(renderValue(v)).toBe('["a", "1"]');
		expect(v.kind).toBe('list');
	});
});

describe('jsonDecode string errors', () => {
	it('names the bad escape like Go', () => {
		expect(() => jsonDecode('"a\\qb"')).toThrow("invalid character 'q' in string escape code");
		expect(() => jsonDecode('"\\u12x4"')).toThrow(
			"invalid character 'x' in \\u hexadecimal character escape",
		);
		expect(() => jsonDecode('"a\nb"')).toThrow("invalid character '\\n' in string literal");
		expect(jsonDecode('"\\u00e9\\n"')).toEqual(str('é\n'));
	});
});
