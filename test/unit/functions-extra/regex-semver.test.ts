import {describe, expect, it} from 'vitest';
import {REGEX_FUNCTIONS} from '../../../src/core/functions/regex.js';
import {SEMVER_FUNCTIONS} from '../../../src/core/functions/semver.js';
import {FunctionArgError, FunctionError} from '../../../src/core/functions/types.js';
import {callJs, s} from './helpers.js';

const r = (name: string, ...a: string[]) => callJs(REGEX_FUNCTIONS, name, ...a.map(s));
const semver = (v: string, c: string) => callJs(SEMVER_FUNCTIONS, 'semvercmp', s(v), s(c));

describe('regex / regexall', () => {
	it('returns a string, a tuple or an object by the groups', () => {
		expect(r('regex', '[a-z]+', '53453453.345345aaabbbccc23454')).toBe('aaabbbccc');
		expect(r('regex', '(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)', '2019-02-01')).toEqual([
			'2019',
			'02',
			'01',
		]);
		expect(
			r(
				'regex',
				'^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?',
				'https://terraform.io/docs/',
			),
		).toEqual({authority: 'terraform.io', scheme: 'https'});
		expect(r('regex', '(a)|(b)', 'b')).toEqual([null, 'b']);
	});
	it('translates RE2-only syntax', () => {
		expect(r('regex', '\\Q.*\\E+', 'a.**b')).toBe('.**');
		expect(r('regex', '(?i)hello', 'say HeLLo')).toBe('HeLLo');
		expect(r('regex', '[[:digit:]]+\\pL', 'x123y')).toBe('123y');
		expect(r('regex', '\\x{41}\\101\\-', 'AA-')).toBe('AA-');
		expect(r('regex', '(?U)a+', 'aaa')).toBe('a');
		expect(r('regex', 'a.c', 'a\rc')).toBe('a\rc');
	});
	it('regexall follows Go for empty matches', () => {
		expect(r('regexall', '[a-z]+', '1234abcd5678efgh9')).toEqual(['abcd', 'efgh']);
		expect(r('regexall', 'a*', 'baaac')).toEqual(['', 'aaa', '']);
		expect(r('regexall', 'x', 'abc')).toEqual([]);
	});
	it('reports errors in cty wording', () => {
		expect(() => r('regex', '[a-z]+', '123')).toThrow(FunctionError);
		expect(() => r('regex', '[a-z]+', '123')).toThrow(
			'pattern did not match any part of the given string',
		);
		expect(() => r('regex', '(a)(?P<n>b)', 'ab')).toThrow(
			'cannot mix both named and unnamed capture groups',
		);
		expect(() => r('regex', '(', 'x')).toThrow('invalid regexp pattern: missing closing ) in (');
		expect(() => r('regexall', '(?=a)', 'x')).toThrow('invalid or unsupported Perl syntax in (?=');
		expect(() => r('regex', '(a)\\1', 'aa')).toThrow('invalid escape sequence in \\1');
		expect(() => r('regex', '[z-a]', 'x')).toThrow('invalid character class range in z-a');
		expect(() => r('regex', 'a**', 'x')).toThrow('invalid nested repetition operator in **');
		expect(() => r('regex', 'a{1001}', 'x')).toThrow('invalid repeat count in {1001}');
		expect(() => r('regex', 'a(?i)b', 'x')).toThrow(FunctionArgError);
		expect(() => r('regex', 'a(?i)b', 'x')).toThrow('unsupported regexp pattern');
	});
});

describe('regex_replace / replace', () => {
	it('expands Go templates', () => {
		expect(r('regex_replace', 'hello world', 'o', '0')).toBe('hell0 w0rld');
		expect(r('regex_replace', '2019-02-01', '(\\d+)-(\\d+)-(\\d+)', '$3/$2/${1}')).toBe(
			'01/02/2019',
		);
		expect(r('regex_replace', 'ab', '(?P<x>a)', '[${x}$$]')).toBe('[a$]b');
		expect(r('regex_replace', 'ab', '(a)', '$1x|')).toBe('|b');
		expect(r('regex_replace', 'abc', '', '-')).toBe('-a-b-c-');
		expect(r('regex_replace', 'baaac', 'a*', '-')).toBe('-b-c-');
	});
	it('returns Go regexp errors', () => {
		expect(() => r('regex_replace', 'a', '(', 'x')).toThrow(
			'error parsing regexp: missing closing ): `(`',
		);
	});
	it('replace is a plain substring replace in cty (no /regex/ form)', () => {
		expect(r('replace', '1 + 2 + 3', '+', '-')).toBe('1 - 2 - 3');
		expect(r('replace', 'hello', '/l+/', 'x')).toBe('hello');
		expect(r('replace', 'abc', '', '-')).toBe('-a-b-c-');
	});
});

describe('semvercmp', () => {
	it.each([
		['1.2.3', '>= 1.2.0', true],
		['1.2.3', '< 1.0', false],
		['1.2.9', '~1.2', true],
		['1.3.0', '~1.2', false],
		['1.3.0', '~1', true],
		['2.0.0', '^1.2.3', false],
		['1.9.9', '^1.2.3', true],
		['0.2.5', '^0.2.3', true],
		['0.3.0', '^0.2.3', false],
		['0.0.4', '^0.0.3', false],
		['1.2.3-beta', '>=1.2.0', false],
		['1.2.3-beta', '>=1.2.3-alpha', true],
		['1.2.3-beta.11', '>1.2.3-beta.2', true],
		['1.2.3', '1.2.x', true],
		['1.3.0', '1.2.*', false],
		['1.4.0', '1.2 - 1.4.5', true],
		['1.5.0', '1.2 - 1.4.5', false],
		['3.0.0', '>=1, <2 || >=3', true],
		['1.5.0', '>=1 <2', true],
		['2.5.0', '>=1 <2', false],
		['v1.2.3', '=1.2.3', true],
		['1.2.3', '!=1.2.3', false],
		['1.2.3-beta', '!=1.2.3', true],
		['2.1.5', '>2.1', false],
		['2.2.0', '>2.1', true],
		['9.9.9', '*', true],
	])('%s satisfies %s: %s', (v, c, want) => {
		expect(semver(v, c)).toBe(want);
	});
	it('rejects bad versions and constraints', () => {
		expect(() => semver('abc', '>1')).toThrow('invalid version "abc": Invalid Semantic Version');
		expect(() => semver('1.0.0-01', '>1')).toThrow('Version segment starts with 0');
		expect(() => semver('1.0.0', '')).toThrow('improper constraint: ');
		try {
			semver('1.0.0', 'foo');
			throw new Error('no error');
		} catch (e) {
			expect((e as FunctionArgError).argIndex).toBe(1);
			expect((e as Error).message).toBe('invalid constraint "foo": improper constraint: foo');
		}
	});
});
