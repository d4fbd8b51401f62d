import {chmodSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {complementLauncher, treeRoot} from '../../../src/core/app/complement-run.js';

function tree(withScript: boolean): string {
	const dir = mkdtempSync(join(tmpdir(), 'bt-c-launch-'));
	mkdirSync(join(dir, 'docker'));
	writeFileSync(join(dir, 'docker/bake.hcl'), '');
	if (withScript) {
		const script = join(dir, 'docker/complement.sh');
		// The matrix values arrive as environment named by the axes.
		writeFileSync(
			script,
			'#!/bin/sh\nprintf "pass\\tTest_%s_%s\\n" "$cargo_profile" "$sys_name"\n',
		);
		chmodSync(script, 0o755);
	}
	return dir;
}

describe('C from the tree: the Complement launcher', () => {
	it('runs docker/complement.sh of the tree with the instance matrix values', async () => {
		const dir = tree(true);
		const state = mkdtempSync(join(tmpdir(), 'bt-c-state-'));
		expect(treeRoot(dir, ['docker/bake.hcl'])).toBe(dir);
		const start = complementLauncher({
			cwd: dir,
			env: {PATH: process.env['PATH'], BAKETREE_STATE_DIR: state},
			files: ['docker/bake.hcl'],
		});
		const run = await start({
			target: 'complement-testee--test--debian',
			env: {cargo_profile: 'test', sys_name: 'debian'},
		});
		expect(run.target).toBe('complement-testee--test--debian');
		await new Promise<void>((resolve) => {
			const check = () => run.store.getState().status !== 'running' && resolve();
			run.store.subscribe(check);
			check();
		});
		expect([...run.store.getState().model.results().keys()]).toEqual(['Test_test_debian']);
	});

	it('says so when the tree has no script', async () => {
		const dir = tree(false);
		const start = complementLauncher({cwd: dir, env: {}, files: ['docker/bake.hcl']});
		await expect(start({target: 'x', env: {}})).rejects.toThrow(/no docker\/complement\.sh/);
	});
});
