import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {command as build} from '../../../src/cli/commands/build.js';
import {grantEntitlements, planCliBuild} from '../../../src/cli/commands/build-plan.js';
import {bufferIo, UsageError} from '../../../src/cli/io.js';

const DIR = join(import.meta.dirname, '../../fixtures/tui-build');

describe('baketree build: what it reads from the tree', () => {
	it('expands groups into the closure and keeps only declared variables', () => {
		const io = bufferIo({cwd: DIR, env: {}});
		const plan = planCliBuild(io, {files: [], set: [], vars: {TAG: 'v1', NOPE: 'x'}}, ['default']);
		expect(plan.knownTargets).toEqual(['app', 'worker', 'tools']);
		expect(plan.vars).toEqual({TAG: 'v1'});
		expect(plan.files).toEqual(['docker-bake.hcl']);
		expect(plan.entitlements).toEqual([]);
		expect(planCliBuild(io, {files: [], set: [], vars: {}}, ['hostnet']).entitlements).toEqual([
			'network.host',
		]);
	});

	it('names the missing --allow without a terminal, asks with one', async () => {
		const io = bufferIo();
		await expect(grantEntitlements(io, ['network.host'], [], undefined)).rejects.toThrow(
			/additional privileges requested[\s\S]*--allow=network\.host/,
		);
		expect(await grantEntitlements(io, ['network.host'], ['network.host'], undefined)).toEqual([
			'network.host',
		]);
		expect(await grantEntitlements(io, ['network.host'], [], async () => 'y')).toEqual([
			'network.host',
		]);
		expect(io.err()).toContain('network.host');
		await expect(grantEntitlements(io, ['network.host'], [], async () => '')).rejects.toThrow(
			UsageError,
		);
	});

	it('fails before starting buildx when a target needs an entitlement', async () => {
		const io = bufferIo({cwd: DIR, env: {PATH: ''}});
		await expect(build.run(['hostnet', '--no-tui'], io)).rejects.toThrow(/--allow=network\.host/);
	});
});
