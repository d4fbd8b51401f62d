import {describe, expect, it, vi} from 'vitest';
import {createComplementStore, selectRows} from '../../../src/core/complement/store.js';

const LINES = ['fail\tTestA/x', 'pass\tTestA/y', 'fail\tTestA', 'pass\tTestB', 'skip\tTestC'];

describe('complement store', () => {
	it('publishes batches, not lines', () => {
		vi.useFakeTimers();
		try {
			const store = createComplementStore({flushMs: 100});
			const seen: number[] = [];
			store.subscribe((s) => seen.push(s.version));
			store.getState().ingestLines(LINES);
			store.getState().ingestLines(['pass\tTestD']);
			expect(store.getState().counts.pass).toBe(0);
			vi.advanceTimersByTime(100);
			expect(seen).toEqual([1]);
			expect(store.getState().counts).toEqual({pass: 3, fail: 2, skip: 1, running: 0});
			expect(store.getState().lines).toBe(6);
		} finally {
			vi.useRealTimers();
		}
	});

	it('moves, expands, filters and searches', () => {
		const store = createComplementStore();
		const s = () => store.getState();
		s().ingestLines(LINES);
		s().flush();
		expect(s().cursor).toBe('TestA');
		s().toggleExpand();
		s().move(1);
		expect(s().cursor).toBe('TestA/x');
		s().move(10);
		expect(s().cursor).toBe('TestC');
		s().setFilter('fail');
		expect(s().cursor).toBe('TestA');
		s().cycleFilter();
		expect(s().filter).toBe('pass');
		s().setFilter('all');
		s().ingestLines(['pass\tTestB/membership_works']);
		s().flush();
		s().setQuery('membership');
		expect(selectRows(s()).map((r) => r.test)).toEqual(['TestB', 'TestB/membership_works']);
		expect(s().cursor).toBe('TestB');
	});

	it('adopts only after the run ended and a yes', async () => {
		const adopt = vi.fn(async () => 'Adopted');
		const store = createComplementStore({adopt});
		const s = () => store.getState();
		s().requestAdopt();
		expect(s().mode).toBe('tests');
		expect(s().message).toMatch(/still going/);
		s().finish({exitCode: 0, canceled: false});
		expect(s().status).toBe('done');
		s().requestAdopt();
		expect(s().mode).toBe('confirm-adopt');
		s().confirm(false);
		expect(adopt).not.toHaveBeenCalled();
		s().requestAdopt();
		s().confirm(true);
		await vi.waitFor(() => expect(s().message).toBe('Adopted'));
		expect(adopt).toHaveBeenCalledTimes(1);
	});
});
