// Mounts the Complement view on the terminal and resolves when the user leaves it.
import {render} from 'ink';
import type {ComplementStore} from '../../core/complement/store.js';
import {ComplementView} from './ComplementView.js';

export async function runComplementTui(store: ComplementStore): Promise<void> {
	const instance = render(<ComplementView store={store} onExit={() => instance.unmount()} />, {
		exitOnCtrlC: false,
		maxFps: 15,
	});
	await instance.waitUntilExit();
}
