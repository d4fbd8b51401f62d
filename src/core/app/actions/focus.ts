// Which pane reads the keys (the tree or one of the side tabs) and which overlay is up (help,
// search, an edit, the build command, ...).

import {FOCUS_ORDER, type Focus, type Mode} from '../types.js';
import type {ActionContext} from './context.js';

export interface FocusActions {
	setFocus(focus: Focus): void;
	cycleFocus(step: 1 | -1): void;
	setMode(mode: Mode): void;
}

export function focusActions({get, set}: ActionContext): FocusActions {
	return {
		setFocus(focus) {
			set(focus === 'tree' ? {focus} : {focus, sideTab: focus});
		},
		cycleFocus(step) {
			const i = FOCUS_ORDER.indexOf(get().focus);
			const next = FOCUS_ORDER[(i + step + FOCUS_ORDER.length) % FOCUS_ORDER.length] ?? 'tree';
			get().setFocus(next);
		},
		setMode(mode) {
			set({mode, message: null});
			if (mode.kind === 'search') get().searchInput(mode.query);
		},
	};
}
