// writeFileAtomic (src/core/atomic-file.ts): the file appears whole under its name, private to
// this user, in a folder made for it; a write that cannot happen returns false and leaves
// nothing behind.

import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {writeFileAtomic} from '../../../src/core/atomic-file.js';

const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true});
});
function scratch(): string {
	const d = mkdtempSync(join(tmpdir(), 'bt-atomic-'));
	dirs.push(d);
	return d;
}

describe('writeFileAtomic', () => {
	it('writes the whole file, private, in a folder it makes, and replaces an old one', () => {
		const dir = join(scratch(), 'a', 'b');
		const path = join(dir, 'entry');
		expect(writeFileAtomic(path, 'first')).toBe(true);
		expect(writeFileAtomic(path, Buffer.from('second'), {tempPrefix: '.tmp-'})).toBe(true);
		expect(readFileSync(path, 'utf8')).toBe('second');
		expect(statSync(path).mode & 0o777).toBe(0o600);
		expect(statSync(dir).mode & 0o777).toBe(0o700);
		expect(readdirSync(dir)).toEqual(['entry']);
	});

	it('returns false and leaves nothing when the folder cannot be made', () => {
		const root = scratch();
		writeFileSync(join(root, 'file'), '');
		expect(writeFileAtomic(join(root, 'file', 'entry'), 'x')).toBe(false);
		expect(readdirSync(root)).toEqual(['file']);
	});
});
