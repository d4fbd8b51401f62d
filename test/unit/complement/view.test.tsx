import {render} from 'ink-testing-library';
import {describe, expect, it, vi} from 'vitest';
import {createComplementStore} from '../../../src/core/complement/store.js';
import {ComplementView} from '../../../src/ui/complement/ComplementView.js';

const tick = () => new Promise((r) => setTimeout(r, 30));

function setup() {
	const adopt = vi.fn(async () => 'Adopted as the baseline: x');
	const store = createComplementStore({
		baseline: new Map([['TestA/x', 'pass']]),
		baselinePath: 'tests/complement/results.jsonl',
		adopt,
		title: 'docker/complement.sh',
	});
	store
		.getState()
		.ingestLines([
			'fail\tTestA/x',
			'pass\tTestA/y',
			'fail\tTestA',
			'pass\tTestB',
			'{"Action":"output","Test":"TestB","Output":"hello \\u001b]52;c;ZXZpbA==\\u0007from TestB\\n"}',
			'+ sleep 0',
		]);
	store.getState().flush();
	const onExit = vi.fn();
	const ui = render(<ComplementView store={store} onExit={onExit} />);
	return {store, ui, onExit, adopt};
}

describe('ComplementView', () => {
	it('shows counts, groups, regressions and expands a test', async () => {
		const {ui} = setup();
		await tick();
		const frame = ui.lastFrame() ?? '';
		expect(frame).toContain('2 pass');
		expect(frame).toContain('2 fail');
		expect(frame).toContain('1 regressions');
		expect(frame).toContain('TestA');
		expect(frame).toContain('1 regressed');
		expect(frame).not.toContain('REGRESSION');
		ui.stdin.write('\r');
		await tick();
		expect(ui.lastFrame()).toContain('x REGRESSION');
		ui.unmount();
	});

	it('filters, shows output sanitised, the raw log, and quits', async () => {
		const {ui, onExit, store} = setup();
		await tick();
		ui.stdin.write('2'); // pass only
		await tick();
		expect(ui.lastFrame()).toContain('filter: pass');
		ui.stdin.write('j'); // TestA/y: the group opened to show its passing subtest
		await tick();
		ui.stdin.write('j');
		await tick();
		ui.stdin.write('o');
		await tick();
		const out = ui.lastFrame() ?? '';
		expect(out).toContain('output of TestB');
		expect(out).toContain('hello from TestB');
		expect(out).not.toContain('\u001b]52');
		ui.stdin.write('l');
		await tick();
		ui.stdin.write('l');
		await tick();
		expect(ui.lastFrame()).toContain('+ sleep 0');
		ui.stdin.write('q');
		await tick();
		expect(ui.lastFrame()).toContain('Cancel it and quit?');
		ui.stdin.write('n');
		store.getState().finish({exitCode: 0, canceled: false});
		await tick();
		ui.stdin.write('q');
		await tick();
		expect(onExit).toHaveBeenCalledTimes(1);
		ui.unmount();
	});

	it('adopts after a confirmed key press', async () => {
		const {ui, store, adopt} = setup();
		store.getState().finish({exitCode: 0, canceled: false});
		await tick();
		ui.stdin.write('a');
		await tick();
		expect(ui.lastFrame()).toContain('as the new baseline? (y/n)');
		ui.stdin.write('y');
		await tick();
		expect(adopt).toHaveBeenCalledTimes(1);
		expect(ui.lastFrame()).toContain('Adopted as the baseline');
		ui.unmount();
	});
});
