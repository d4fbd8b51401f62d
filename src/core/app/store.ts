// The explorer's store: a zustand vanilla store of plain state (./state.ts) and plain actions,
// one group per concern in ./actions. Components only read slices and call actions (through
// keys.ts); everything here runs without a terminal.

import {createStore, type StoreApi} from 'zustand/vanilla';
import {type AxesActions, axesActions} from './actions/axes.js';
import type {ActionContext} from './actions/context.js';
import {type CursorActions, cursorActions} from './actions/cursor.js';
import {type FocusActions, focusActions} from './actions/focus.js';
import {type FoldingActions, foldingActions} from './actions/folding.js';
import {type InspectorActions, inspectorActions} from './actions/inspector.js';
import {type LaunchActions, launchActions} from './actions/launch.js';
import {type LoadingActions, loadingActions} from './actions/loading.js';
import {type SearchActions, searchActions} from './actions/search.js';
import {type SelectionActions, selectionActions} from './actions/selection.js';
import {type SessionActions, sessionActions} from './actions/session.js';
import {type VariableActions, variableActions} from './actions/variables.js';
import type {Viewport} from './layout.js';
import {type AppState, DEFAULT_VIEWPORT, initialState} from './state.js';
import type {AppDeps, AppOptions} from './types.js';

export type {AppState} from './state.js';

export type AppActions = LoadingActions &
	CursorActions &
	FoldingActions &
	SelectionActions &
	FocusActions &
	SearchActions &
	AxesActions &
	VariableActions &
	InspectorActions &
	LaunchActions &
	SessionActions;

export type AppStore = StoreApi<AppState & AppActions>;

export function createAppStore(
	deps: AppDeps,
	options: AppOptions,
	viewport: Viewport = DEFAULT_VIEWPORT,
): AppStore {
	return createStore<AppState & AppActions>()((set, get) => {
		const ctx: ActionContext = {get, set, deps, options};
		return {
			...initialState(options, viewport),
			...loadingActions(ctx),
			...cursorActions(ctx),
			...foldingActions(ctx),
			...selectionActions(ctx),
			...focusActions(ctx),
			...searchActions(ctx),
			...axesActions(ctx),
			...variableActions(ctx),
			...inspectorActions(ctx),
			...launchActions(ctx),
			...sessionActions(ctx),
		};
	});
}
