// Keys for the views that load on demand over the explorer (the build and Complement views).
// Ink's useInput attaches a handler in an effect, after the component's first frame, and a
// lazily loaded view mounts some time after the key that opened it: keys typed in between
// were lost (a quick `q` after `b` did nothing). The explorer reads every key itself and hands
// those for the view to the view's handler, keeping the ones that come before it is there.

import {type Key, useInput} from 'ink';
import {createContext, useContext, useEffect, useRef} from 'react';

export type KeyHandler = (input: string, key: Key) => void;

export interface ViewKeys {
	/** Hands keys to `handler` (first the kept ones); returns the call that stops it. */
	register(handler: KeyHandler): () => void;
	/** A key for the view: handled now, or kept until the view registers. */
	dispatch(input: string, key: Key): void;
	/** Drops kept keys (the view was closed before it came up). */
	clear(): void;
	/** Whether a view takes the keys now. */
	ready(): boolean;
}

export function createViewKeys(): ViewKeys {
	let handler: KeyHandler | undefined;
	const pending: [string, Key][] = [];
	return {
		register(h) {
			handler = h;
			for (const [input, key] of pending.splice(0)) h(input, key);
			return () => {
				if (handler === h) handler = undefined;
			};
		},
		dispatch(input, key) {
			if (handler) handler(input, key);
			else pending.push([input, key]);
		},
		clear() {
			pending.length = 0;
		},
		ready() {
			return handler !== undefined;
		},
	};
}

export const ViewKeysContext = createContext<ViewKeys | undefined>(undefined);

/**
 * The view's keys: from the explorer when it runs inside one (ViewKeysContext), else straight
 * from Ink (a view on its own, as `baketree build` shows it).
 */
export function useViewKeys(handler: KeyHandler): void {
	const keys = useContext(ViewKeysContext);
	// The latest handler (it closes over the view's current state), behind one stable function.
	const latest = useRef(handler);
	latest.current = handler;
	useEffect(() => keys?.register((input, key) => latest.current(input, key)), [keys]);
	useInput(handler, {isActive: keys === undefined});
}
