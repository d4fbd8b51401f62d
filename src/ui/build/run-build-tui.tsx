// Full-screen build view for `baketree build` and `baketree replay` on a TTY: alternate
// screen by hand (Ink 6 has no option), throttled renders, restore on every exit path.

import {render} from 'ink';
import {
	type BuildHandle,
	type StartBuildOptions,
	startBuild,
} from '../../core/build/start-build.js';
import {StreamIngestor} from '../../core/progress/ingest.js';
import {type BuildStore, batchedIngest, createBuildStore} from '../../core/progress/store.js';
import {readStreamLines} from '../../core/runs/read-stream.js';
import {BuildView} from './build-view.js';

async function showFullScreen(store: BuildStore): Promise<void> {
	const out = process.stdout;
	out.write('\x1b[?1049h\x1b[H');
	const restore = () => out.write('\x1b[?1049l');
	process.once('exit', restore);
	let resolveExit: () => void = () => {};
	const exited = new Promise<void>((r) => {
		resolveExit = r;
	});
	const app = render(<BuildView store={store} onExit={() => resolveExit()} />, {
		exitOnCtrlC: false,
		patchConsole: false,
		maxFps: 20,
	});
	await exited;
	app.unmount();
	restore();
	process.off('exit', restore);
}

/**
 * `guard`: arranges what a signal or a lost terminal does to the running build (the CLI's
 * exitOnAbort); ended when the view is left.
 */
export async function runBuildTui(
	opts: StartBuildOptions,
	guard?: (handle: BuildHandle) => () => void,
): Promise<number> {
	const handle = startBuild(opts);
	const release = guard?.(handle);
	let last = 0;
	void handle.done.then((c) => {
		last = c;
	});
	try {
		await showFullScreen(handle.store);
		const s = handle.store.getState();
		// Leaving while buildx runs cancels it; wait so nothing is left behind.
		if (s.phase !== 'finished') {
			s.actions.cancel();
			last = await handle.done;
		}
		return s.exitCode ?? last;
	} finally {
		release?.();
	}
}

export interface ReplayTuiOptions {
	readonly path: string;
	readonly exitCode: number | null;
	readonly title: string;
	readonly targets?: readonly string[];
}

export async function runReplayTui(o: ReplayTuiOptions): Promise<number> {
	const store = createBuildStore({
		title: o.title,
		...(o.targets ? {targets: o.targets, infer: true} : {}),
	});
	const build = store.getState().build;
	store.getState().actions.begin({build, title: o.title});
	const ingest = new StreamIngestor(build);
	const batched = batchedIngest(store, (l) => ingest.line(l), 100);
	void readStreamLines(o.path, batched.line).then(() => {
		ingest.end();
		batched.flush();
		store.getState().actions.finish(o.exitCode);
	});
	await showFullScreen(store);
	return 0;
}
