// What every group of actions is built from: the store's get/set, the injected outside world
// and the command-line options. One shape, so that each group is a plain function of it.

import type {AppState} from '../state.js';
import type {AppActions} from '../store.js';
import type {AppDeps, AppOptions} from '../types.js';

export type Store = AppState & AppActions;

export interface ActionContext {
	readonly get: () => Store;
	readonly set: (patch: Partial<AppState>) => void;
	readonly deps: AppDeps;
	readonly options: AppOptions;
}
