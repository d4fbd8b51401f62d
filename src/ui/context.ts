// The store reaches components through context; components select narrow slices of it.
import {createContext, useContext} from 'react';
import {useStore} from 'zustand';
import type {AppActions, AppState, AppStore} from '../core/app/store.js';

export const StoreContext = createContext<AppStore | null>(null);

export function useAppStore(): AppStore {
	const store = useContext(StoreContext);
	if (!store) throw new Error('StoreContext is missing');
	return store;
}

export function useApp<T>(selector: (s: AppState & AppActions) => T): T {
	return useStore(useAppStore(), selector);
}
