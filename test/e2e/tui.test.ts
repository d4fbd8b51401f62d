// The explorer in a real pseudo-terminal on a tuwunel-sized tree (the shared generator's
// MEDIUM shape, 749 instances): open, navigate from the root up, search, toggle a vector, edit
// a variable, watch a file change, quit; the terminal must be back to normal (main screen,
// cursor shown) afterwards.

import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {MEDIUM, writeTree} from '../fixtures/gen/generate-tree.js';
import {KEY, type PtySession, spawnCli} from './pty.js';

function project(): {dir: string; state: string} {
	const dir = mkdtempSync(join(tmpdir(), 'bt-tui-'));
	writeTree(dir, MEDIUM);
	return {dir, state: mkdtempSync(join(tmpdir(), 'bt-tui-state-'))};
}

const sessions: PtySession[] = [];
afterEach(() => {
	for (const s of sessions.splice(0)) s.kill();
});

function open(dir: string, state: string, args: string[] = []): PtySession {
	const s = spawnCli(['-f', 'docker/bake.hcl', ...args], {
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
		let screen = await s.waitFor('system ×1');
		expect(s.output()).toContain('\x1b[?1049h');
		// Before the tree, the header says which file is being read.
		const reading = s.output().indexOf('reading docker/bake.hcl…');
		expect(reading).toBeGreaterThan(s.output().indexOf('\x1b[?1049h'));
		expect(reading).toBeLessThan(s.output().indexOf('system ×1'));
		expect(screen).toContain('80 blocks · 749 instances');
		// Root at the bottom, dependents above.
		expect(lineOf(screen, 'system ×1')).toBeGreaterThan(lineOf(screen, '▸ s-1 ×1'));
		expect(lineOf(screen, '▸ s-1 ×1')).toBeGreaterThan(lineOf(screen, '▸ rfs-1 ×6'));
		expect(screen).toContain('crfs-1 ×12  ⇐ rfs-9 + rfs-8');
		// Up from the root: the inspector follows the cursor.
		s.press('k');
		await s.waitFor('s-1  (matrix block)');
		// Search opens the block of the hit.
		s.press('/');
		s.press('rfs-1--nightly--all');
		screen = await s.waitFor('rfs-1--nightly--all--debian');
		s.press(KEY.enter);
		screen = await s.waitFor('a build of it builds 6 targets');
		expect(screen).toMatch(/[┌├]╴rfs-1--nightly--all--debian/);
		expect(screen).toContain('▾ rfs-1 ×6');
		// Toggle a vector in the axes pane: drop feat_set=none.
		s.press('a');
		await s.waitFor('feat_set  3/3');
		s.press('jjjjjjjjj');
		s.press(' ');
		screen = await s.waitFor('vector feat_set=all,default');
		// 7 fs blocks × 2 + 10 rfs × 4 + 55 crfs × 8 + 8 sys-only.
		expect(screen).toContain('502/749 instances');
		// Edit a list variable: switch off the "release" profile.
		s.press('v');
		await s.waitFor('cargo_profiles (list)');
		s.press('jj');
		s.press(' ');
		// The 55 crfs blocks lose half their instances; the feat_set filter stays.
		screen = await s.waitFor('282/419 instances');
		expect(screen).toContain('[ ] release');
		expect(screen).toContain('crfs-1 ×4/6');
		// A broken edit on disk shows a positioned banner over the last good tree.
		const file = join(dir, 'docker/bake.hcl');
		const good = readFileSync(file, 'utf8');
		writeFileSync(file, `${good}\ntarget "broken" {\n  dockerfile = \n}\n`);
		// Waits for the whole frame, banner and tree (a timeout fails the test): the
		// pseudo-terminal may hand over the first lines of a frame before the rest.
		screen = await s.waitFor(/^(?=[\s\S]*bake\.hcl:)(?=[\s\S]*crfs-1 ×4\/6)/);
		expect(screen).toContain('last good tree');
		// Fixing it reloads and keeps the vectors.
		writeFileSync(
			file,
			`${good}\ntarget "extra" {\n  contexts = { system = "target:system--debian--testing-slim--x86_64-v1-linux-gnu" }\n}\n`,
		);
		// The new count without the banner, in one frame.
		screen = await s.waitFor(/^(?=[\s\S]*283\/420 instances)(?![\s\S]*last good tree)/);
		expect(screen).toContain('vector feat_set=all,default');
		// Quit: main screen back, cursor shown.
		s.press('q');
		const {exitCode} = await s.exit;
		expect(exitCode).toBe(0);
		const out = s.output();
		expect(out.lastIndexOf('\x1b[?1049l')).toBeGreaterThan(out.lastIndexOf('\x1b[?1049h'));
		expect(out.lastIndexOf('\x1b[?25h')).toBeGreaterThan(out.lastIndexOf('\x1b[?25l'));
		// The vectors are remembered for this bake file.
		const again = open(dir, state);
		screen = await again.waitFor('vector feat_set=all,default');
		again.press(KEY.ctrlC);
		expect((await again.exit).exitCode).toBe(0);
	});

	it('restores the terminal on SIGTERM', async () => {
		const {dir, state} = project();
		const s = open(dir, state);
		await s.waitFor('system ×1');
		s.kill('SIGTERM');
		await s.exit;
		expect(s.output().lastIndexOf('\x1b[?1049l')).toBeGreaterThan(
			s.output().lastIndexOf('\x1b[?1049h'),
		);
	});
});
