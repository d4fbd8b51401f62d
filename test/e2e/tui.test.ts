// The explorer in a real pseudo-terminal on a tuwunel-sized tree: open, navigate from the root
// up, search, toggle a vector, edit a variable, watch a file change, quit; the terminal must be
// back to normal (main screen, cursor shown) afterwards.

import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {KEY, type PtySession, spawnCli} from './pty.js';
import {DOCKERFILE_SYSTEM, tuwunelLikeHcl} from './tui-tree.js';

function project(): {dir: string; state: string} {
	const dir = mkdtempSync(join(tmpdir(), 'bt-tui-'));
	writeFileSync(join(dir, 'bake.hcl'), tuwunelLikeHcl());
	writeFileSync(join(dir, 'Dockerfile.system'), DOCKERFILE_SYSTEM);
	return {dir, state: mkdtempSync(join(tmpdir(), 'bt-tui-state-'))};
}

const sessions: PtySession[] = [];
afterEach(() => {
	for (const s of sessions.splice(0)) s.kill();
});

function open(dir: string, state: string, args: string[] = []): PtySession {
	const s = spawnCli(['-f', 'bake.hcl', ...args], {
		cwd: dir,
		cols: 120,
		rows: 32,
		env: {BAKETREE_STATE_DIR: state},
	});
	sessions.push(s);
	return s;
}

const lineOf = (screen: string, text: string) =>
	screen.split('\n').findIndex((l) => l.includes(text));

describe('baketree (tree explorer) in a terminal', () => {
	it('explores, filters, edits, reloads and restores the terminal', async () => {
		const {dir, state} = project();
		const s = open(dir, state);
		let screen = await s.waitFor('system ×2');
		expect(s.output()).toContain('\x1b[?1049h');
		expect(screen).toContain('697 instances');
		// Root at the bottom, dependents above.
		expect(lineOf(screen, 'system ×2')).toBeGreaterThan(lineOf(screen, 'deps ×36'));
		expect(screen).toContain('⇐ rust + source');
		// Up from the root: the inspector follows the cursor; l opens the matrix block.
		s.press('k');
		await s.waitFor('rust  (matrix block)');
		s.press('l');
		screen = await s.waitFor('▾ rust ×4');
		expect(lineOf(screen, 'rust--nightly--debian')).toBeLessThan(lineOf(screen, '▾ rust ×4'));
		// Search.
		s.press('/');
		s.press('complement-testee--release--stable');
		screen = await s.waitFor('complement-testee--release--stable--');
		s.press(KEY.enter);
		screen = await s.waitFor('a build of it builds 7 targets');
		expect(screen).toMatch(/╴complement-testee--release--stable--\S+--debian/);
		// Toggle a vector in the axes pane: drop ubuntu.
		s.press('a');
		await s.waitFor('sys_name  2/2');
		s.press('j');
		s.press('j');
		s.press(' ');
		screen = await s.waitFor('vector sys_name=debian');
		expect(screen).toContain('349/697 instances');
		// Edit a list variable: switch off the "bench" profile.
		s.press('v');
		await s.waitFor('cargo_profiles (list)');
		s.press('jjj');
		s.press(' ');
		// 19 cargo blocks × 24 instances + 13 others; the sys_name filter keeps debian only.
		screen = await s.waitFor('235/469 instances');
		expect(screen).toContain('[ ] bench');
		expect(screen).toContain('×12/24');
		// A broken edit on disk shows a positioned banner over the last good tree.
		const file = join(dir, 'bake.hcl');
		const good = readFileSync(file, 'utf8');
		writeFileSync(file, `${good}\ntarget "broken" {\n  dockerfile = \n}\n`);
		screen = await s.waitFor('bake.hcl:');
		expect(screen).toContain('last good tree');
		expect(screen).toContain('▾ complement-testee ×12/24');
		// Fixing it reloads and keeps the vectors.
		writeFileSync(
			file,
			`${good}\ntarget "extra" {\n  contexts = { system = "target:system--debian" }\n}\n`,
		);
		screen = await s.waitFor('236/470 instances');
		expect(screen).not.toContain('last good tree');
		expect(screen).toContain('vector sys_name=debian');
		// Quit: main screen back, cursor shown.
		s.press('q');
		const {exitCode} = await s.exit;
		expect(exitCode).toBe(0);
		const out = s.output();
		expect(out.lastIndexOf('\x1b[?1049l')).toBeGreaterThan(out.lastIndexOf('\x1b[?1049h'));
		expect(out.lastIndexOf('\x1b[?25h')).toBeGreaterThan(out.lastIndexOf('\x1b[?25l'));
		// The vectors are remembered for this bake file.
		const again = open(dir, state);
		screen = await again.waitFor('vector sys_name=debian');
		again.press(KEY.ctrlC);
		expect((await again.exit).exitCode).toBe(0);
	});

	it('restores the terminal on SIGTERM', async () => {
		const {dir, state} = project();
		const s = open(dir, state);
		await s.waitFor('system ×2');
		s.kill('SIGTERM');
		await s.exit;
		expect(s.output().lastIndexOf('\x1b[?1049l')).toBeGreaterThan(
			s.output().lastIndexOf('\x1b[?1049h'),
		);
	});
});
