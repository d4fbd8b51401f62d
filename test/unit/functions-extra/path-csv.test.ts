import {isAbsolute} from 'node:path';
import {describe, expect, it} from 'vitest';
import {CSV_FUNCTIONS} from '../../../src/core/functions/csv.js';
import {PATH_FUNCTIONS} from '../../../src/core/functions/path.js';
import {call, callJs, s} from './helpers.js';

const p = (name: string, x: string) => callJs(PATH_FUNCTIONS, name, s(x));
const csv = (x: string) => callJs(CSV_FUNCTIONS, 'csvdecode', s(x));

describe('basename / dirname (Go path)', () => {
	it.each([
		['', '.', '.'],
		['/', '/', '/'],
		['/foo/bar', 'bar', '/foo'],
		['foo/bar', 'bar', 'foo'],
		['/foo/bar.', 'bar.', '/foo'],
		['/foo/bar...', 'bar...', '/foo'],
		['foo/', 'foo', 'foo'],
		['a//b/../c/d', 'd', 'a/c'],
		['bar', 'bar', '.'],
		['//x', 'x', '/'],
	])('%j', (input, base, dir) => {
		expect(p('basename', input)).toBe(base);
		expect(p('dirname', input)).toBe(dir);
	});
});

describe('sanitize / homedir', () => {
	it.each([
		['', ''],
		['foo/bar', 'foo_bar'],
		['foo/bar...', 'foo_bar___'],
		['foo/🍕bar', 'foo__bar'],
		['foo/bar!@(ba+z)', 'foo_bar___ba_z_'],
		['A-z_9', 'A-z_9'],
	])('%j -> %j', (input, want) => {
		expect(p('sanitize', input)).toBe(want);
	});
	it('homedir is an absolute path', () => {
		const h = call(PATH_FUNCTIONS, 'homedir');
		expect(h.kind).toBe('string');
		expect(isAbsolute((h as {value: string}).value)).toBe(true);
	});
});

describe('csvdecode', () => {
	it('decodes rows into objects', () => {
		expect(csv('a,b\n1,2\n3,4\n')).toEqual([
			{a: '1', b: '2'},
			{a: '3', b: '4'},
		]);
		expect(csv('a,b\r\n"x,y","he said ""hi"""\r\n\r\n" multi\nline",\n')).toEqual([
			{a: 'x,y', b: 'he said "hi"'},
			{a: ' multi\nline', b: ''},
		]);
	});
	it('header only gives an empty list of the object type', () => {
		const v = call(CSV_FUNCTIONS, 'csvdecode', s('x,y'));
		expect(v).toMatchObject({kind: 'list', items: [], elem: {kind: 'object'}});
		expect(Object.keys((v as {elem: {attrs: object}}).elem.attrs)).toEqual(['x', 'y']);
	});
	it('reports cty errors', () => {
		expect(() => csv('')).toThrow('missing header line');
		expect(() => csv('a,a\n1,2')).toThrow('duplicate column name "a"');
		expect(() => csv('a,b\n1,2\n1\n')).toThrow('CSV parse error on line 3: wrong number of fields');
		expect(() => csv('a\n"x\n')).toThrow(
			'CSV parse error on line 3: extraneous or missing " in quoted-field',
		);
		expect(() => csv('a\nx"y\n')).toThrow('CSV parse error on line 2: bare " in non-quoted-field');
		expect(() => csv('a\n"x"y\n')).toThrow('extraneous or missing " in quoted-field');
	});
});
