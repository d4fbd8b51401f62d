// Reading the tree: evaluate the bake files with the edited variables, keep the last good tree
// when that fails (the error is shown over it), and on the first load put back what was
// remembered for these files (cursor, vectors, selection, open blocks, orientation).
// A load that a newer one overtook is dropped.

import {DiagnosticError} from '../../diagnostics.js';
import {filterFromJson} from '../filter.js';
import {scrollFor} from '../layout.js';
import type {AppState} from '../state.js';
import type {LoadError, PersistedUi, TreeResult} from '../types.js';
import type {ActionContext} from './context.js';
import {setCursor} from './cursor.js';
import {requestDockerfile} from './inspector.js';
import {relayout, visibleTreeRows} from './relayout.js';

export interface LoadingActions {
	load(reason?: 'start' | 'file' | 'edit' | 'manual', variable?: string): Promise<void>;
}

function toLoadError(err: unknown, variable: string | undefined): LoadError {
	const extra = variable ? {variable} : {};
	if (err instanceof DiagnosticError)
		return {diagnostics: err.diagnostics, ...(err.sources ? {sources: err.sources} : {}), ...extra};
	const summary = err instanceof Error ? err.message : String(err);
	return {diagnostics: [{severity: 'error', summary, detail: ''}], ...extra};
}

export function loadingActions(ctx: ActionContext): LoadingActions {
	const {get, set, deps, options} = ctx;
	let generation = 0;
	let restored = false;

	const remembered = (ui: PersistedUi | undefined): Partial<AppState> => {
		if (!ui) return {};
		const patch: {-readonly [K in keyof AppState]?: AppState[K]} = {};
		if (ui.filter) patch.filter = filterFromJson(ui.filter);
		if (ui.selection) patch.selection = new Set(ui.selection);
		if (ui.expanded) patch.expanded = new Set(ui.expanded);
		if (ui.topDown && !options.topDown) patch.orientation = 'top-down';
		return patch;
	};

	const evaluate = async (vars: Readonly<Record<string, string>>): Promise<TreeResult> => {
		const files = await Promise.all(
			options.files.map(async (name) => ({name, content: await deps.readFile(name)})),
		);
		return deps.loadTree({
			files,
			env: options.env,
			vars: {...options.vars, ...vars},
			set: [...options.set],
		});
	};

	return {
		async load(reason = 'start', variable) {
			const gen = ++generation;
			let tree: TreeResult;
			try {
				tree = await evaluate(get().vars);
			} catch (err) {
				if (gen !== generation) return;
				const s = get();
				const error = toLoadError(err, variable);
				// The banner takes rows from the tree pane: keep the cursor in view.
				const scroll = scrollFor(s.cursor, s.scroll, visibleTreeRows({...s, error}), s.rows.length);
				set({error, status: s.tree ? 'ready' : 'failed', loads: s.loads + 1, scroll});
				return;
			}
			if (gen !== generation) return;
			let patch: Partial<AppState> = {tree, error: null, status: 'ready', loads: get().loads + 1};
			let keepId: string | undefined;
			if (!restored) {
				restored = true;
				const ui = options.persistKey ? deps.persistence?.load(options.persistKey) : undefined;
				patch = {...patch, ...remembered(ui)};
				keepId = ui?.cursor;
			}
			const first = get().rows.length === 0;
			// A reload asked for (`r`) or caused by a changed bake file reads the Dockerfiles the
			// inspector shows again too: one may have been edited meanwhile. Both say they ran,
			// since the tree may look the same as before.
			if (reason === 'file')
				patch = {...patch, message: 'reloaded: bake file changed', dockerfiles: new Map()};
			else if (reason === 'manual') patch = {...patch, message: 'reloaded', dockerfiles: new Map()};
			set(relayout(ctx, patch, keepId));
			// Nothing remembered: start on the root, at the bottom in the bottom-up view.
			if (first && (!keepId || get().rows[get().cursor]?.id !== keepId))
				setCursor(ctx, get().orientation === 'bottom-up' ? get().rows.length - 1 : 0);
			else requestDockerfile(ctx);
		},
	};
}
