import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {StreamIngestor} from '../../../src/core/progress/ingest.js';
import {createBuildStore} from '../../../src/core/progress/store.js';
import {BuildView} from '../../../src/ui/build/build-view.js';
import {paneRows} from '../../../src/ui/build/pane-model.js';
import {fixtureText} from '../progress/helpers.js';

function loaded(name: string, exitCode: number | null, targets?: string[]) {
	const store = createBuildStore(targets ? {targets} : {});
	const s = store.getState();
	s.actions.begin({title: name});
	const ing = new StreamIngestor(s.build);
	for (const l of fixtureText(name).split('\n')) ing.line(l);
	ing.end();
	s.actions.finish(exitCode);
	return store;
}

const tick = () => new Promise((r) => setTimeout(r, 30));

describe('build store', () => {
	it('selects the failed target at the end and rebuilds only failed ones', () => {
		const store = loaded('multi-fail.jsonl', 1, ['app', 'worker']);
		expect(store.getState().ui.selected).toBe('worker');
		let rebuilt: readonly string[] = [];
		store.getState().actions.attach({
			cancel() {},
			rebuild: (t) => {
				rebuilt = t;
			},
		});
		store.getState().actions.rebuildFailed();
		expect(rebuilt).toEqual(['worker', 'app']);
	});

	it('pins two to four targets', () => {
		const store = loaded('multi.jsonl', 0, ['app', 'worker', 'tools']);
		const a = store.getState().actions;
		for (const t of ['app', 'worker', 'tools', 'x', 'y']) a.togglePin(t);
		expect(store.getState().ui.pins).toEqual(['app', 'worker', 'tools', 'x']);
		expect(store.getState().ui.notice).toMatch(/at most 4/);
		a.togglePin('app');
		expect(store.getState().ui.pins).toEqual(['worker', 'tools', 'x']);
	});
});

describe('pane model', () => {
	it('never exceeds its height and keeps running steps', () => {
		const store = loaded('long.jsonl', null, ['app', 'worker']);
		const rows = paneRows(store.getState().build, 'app', {
			width: 60,
			height: 8,
			nowMs: 0,
			live: false,
			scroll: 0,
			query: '',
			stepRows: 3,
		});
		expect(rows.length).toBeLessThanOrEqual(8);
		expect(rows.some((r) => r.text.includes('app tick 40'))).toBe(true);
		const found = paneRows(store.getState().build, 'app', {
			width: 60,
			height: 20,
			nowMs: 0,
			live: false,
			scroll: 0,
			query: 'tick 7',
			stepRows: 3,
		});
		expect(found.filter((r) => r.text.startsWith('app tick')).map((r) => r.text.trim())).toEqual([
			'app tick 7',
		]);
	});
});

describe('BuildView', () => {
	it('lists targets, shows the failing step with its error, and moves with j/k', async () => {
		const store = loaded('multi-fail.jsonl', 1, ['app', 'worker']);
		let exited = false;
		const ui = render(
			<BuildView store={store} onExit={() => (exited = true)} size={{columns: 120, rows: 24}} />,
		);
		await tick();
		const frame = ui.lastFrame() ?? '';
		expect(frame).toContain('FAILED (exit 1)');
		expect(frame).toContain('ERROR in [build-worker 1/1]');
		expect(frame).toContain('✗ worker');
		expect(frame.split('\n').length).toBeLessThan(24);
		ui.stdin.write('j');
		await tick();
		expect(store.getState().ui.selected).toBe('app');
		ui.stdin.write('q');
		await tick();
		expect(exited).toBe(true);
		ui.unmount();
	});
});
