// Runs the explorer full-screen until the user quits: resize handling, file watching,
// remembered state, and the terminal restored on every way out. The caller enters the full
// screen and loads the tree first (src/cli/commands/ui.ts), so Ink's first frame is the tree.

import {render} from 'ink';
import type {AppStore} from '../core/app/store.js';
import {watchFiles} from '../core/watch.js';
import {App} from './App.js';
import {StoreContext} from './context.js';
import {type FullScreen, terminalSize} from './terminal.js';

export interface RunAppOptions {
	readonly store: AppStore;
	/** The alternate screen, entered by the caller (src/ui/terminal.ts). */
	readonly screen: FullScreen;
	readonly stdout: NodeJS.WriteStream;
	readonly stdin: NodeJS.ReadStream;
	readonly cwd: string;
	/** Files to watch (the bake files); none for `-f -`. */
	readonly watch: readonly string[];
}

export async function runApp(opts: RunAppOptions): Promise<number> {
	const {store, stdout, screen} = opts;
	store.getState().resize(terminalSize(stdout));
	let resizeTimer: NodeJS.Timeout | undefined;
	const onResize = (): void => {
		if (resizeTimer) clearTimeout(resizeTimer);
		resizeTimer = setTimeout(() => store.getState().resize(terminalSize(stdout)), 20);
	};
	stdout.on('resize', onResize);
	const watcher = watchFiles(opts.watch, () => void store.getState().load('file'), {cwd: opts.cwd});
	// Remember cursor, vectors and selection a moment after they change (and on quit).
	let saveTimer: NodeJS.Timeout | undefined;
	const unsubscribe = store.subscribe((s, prev) => {
		if (
			s.cursor === prev.cursor &&
			s.selection === prev.selection &&
			s.filter === prev.filter &&
			s.expanded === prev.expanded
		)
			return;
		if (saveTimer) clearTimeout(saveTimer);
		saveTimer = setTimeout(() => store.getState().persist(), 500);
	});
	// Ink draws from where the cursor is: start from a clean screen, cursor at the top.
	screen.clear();
	const instance = render(
		<StoreContext.Provider value={store}>
			<App />
		</StoreContext.Provider>,
		{
			stdout,
			stdin: opts.stdin,
			exitOnCtrlC: false,
			patchConsole: false,
			maxFps: 30,
			// Ink 6.8's incremental writer moves up one line too few after a frame that ends in a
			// newline (every frame shorter than the terminal), leaving a stale top line: keep it off.
			incrementalRendering: false,
		},
	);
	const quit = new Promise<void>((resolve) => {
		if (store.getState().quitting) resolve();
		store.subscribe((s) => {
			if (s.quitting) resolve();
		});
	});
	let code = 0;
	try {
		await Promise.race([quit, instance.waitUntilExit()]);
	} catch (err) {
		code = 70;
		screen.restore();
		process.stderr.write(
			`baketree: internal error: ${err instanceof Error ? err.message : String(err)}\n`,
		);
	} finally {
		if (saveTimer) clearTimeout(saveTimer);
		if (resizeTimer) clearTimeout(resizeTimer);
		unsubscribe();
		stdout.off('resize', onResize);
		watcher.close();
		instance.unmount();
		screen.restore();
	}
	// quit() canceled a build still running; wait for buildx to stop so nothing is left behind.
	const build = store.getState().build;
	if (build && build.store.getState().phase !== 'finished') await build.done;
	return code;
}
