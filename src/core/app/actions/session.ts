// Leaving the explorer: what is remembered for these bake files, and nothing started from here
// (a build, a Complement run) outlives it.

import {filterToJson} from '../filter.js';
import type {ActionContext} from './context.js';

export interface SessionActions {
	quit(): void;
	persist(): void;
}

export function sessionActions({get, set, deps, options}: ActionContext): SessionActions {
	return {
		quit() {
			get().persist();
			get().build?.cancel();
			get().complement?.cancel();
			set({quitting: true});
		},
		persist() {
			const s = get();
			if (!options.persistKey || !deps.persistence || !s.tree) return;
			const cursor = s.rows[s.cursor]?.id;
			deps.persistence.save(options.persistKey, {
				...(cursor ? {cursor} : {}),
				filter: filterToJson(s.filter),
				selection: [...s.selection],
				expanded: [...s.expanded],
				topDown: s.orientation === 'top-down',
			});
		},
	};
}
