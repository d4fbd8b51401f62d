import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {listRuns, resolveReplaySource} from '../../../src/core/runs/list-runs.js';
import {createRun} from '../../../src/core/runs/run-dir.js';
import {runsDir, stateDir} from '../../../src/core/state-dir.js';

describe('state dir', () => {
	it('uses BAKETREE_STATE_DIR, then absolute XDG_STATE_HOME, then ~/.local/state', () => {
		expect(stateDir({BAKETREE_STATE_DIR: '/t', XDG_STATE_HOME: '/x'})).toBe('/t');
		expect(stateDir({XDG_STATE_HOME: '/x', HOME: '/h'})).toBe('/x/baketree');
		expect(stateDir({XDG_STATE_HOME: 'rel', HOME: '/h'})).toBe('/h/.local/state/baketree');
		expect(runsDir({HOME: '/h'})).toBe('/h/.local/state/baketree/runs');
	});
});

describe('run folders', () => {
	it('writes the stream as it arrives and lists runs newest first', () => {
		const env = {BAKETREE_STATE_DIR: mkdtempSync(join(tmpdir(), 'bt-runs-'))};
		const a = createRun({
			env,
			argv: [],
			cwd: '/w',
			targets: ['app'],
			vars: {TAG: '1'},
			now: new Date('2025-01-01T00:00:00Z'),
		});
		a.appendStream(Buffer.from('{"vertexes":[]}\n'));
		// readable before the run ends (nothing buffered in memory)
		expect(readFileSync(join(a.dir, 'stream.log'), 'utf8')).toBe('{"vertexes":[]}\n');
		a.recordArgv(['docker', 'buildx', 'bake']);
		a.finish(1);
		const b = createRun({
			env,
			argv: [],
			cwd: '/w',
			targets: ['x'],
			vars: {},
			now: new Date('2025-02-01T00:00:00Z'),
		});
		const runs = listRuns(env);
		expect(runs.map((r) => r.id)).toEqual([b.id, a.id]);
		expect(runs[1]).toMatchObject({
			exitCode: 1,
			targets: ['app'],
			argv: ['docker', 'buildx', 'bake'],
		});
		expect(runs[0]?.exitCode).toBeNull();
		expect(JSON.parse(readFileSync(join(a.dir, 'vars.json'), 'utf8'))).toEqual({TAG: '1'});
		expect(resolveReplaySource('last', env, '/')).toMatchObject({kind: 'run', run: {id: b.id}});
		expect(resolveReplaySource('2025', env, '/')).toBeUndefined(); // ambiguous prefix
		expect(resolveReplaySource(a.id, env, '/')).toMatchObject({kind: 'run'});
		const file = join(env.BAKETREE_STATE_DIR, 'x.log');
		writeFileSync(file, '');
		expect(resolveReplaySource(file, env, '/')).toEqual({kind: 'file', path: file});
	});
});
