import {useContext, useSyncExternalStore} from 'react';
import type {AppState} from '../store/state.js';
import {ServicesContext, type AppServices} from './store-context.js';

/** The services from the nearest provider; throws when rendered outside one (a programming error). */
export function useServices(): AppServices {
	const services = useContext(ServicesContext);
	if (!services) throw new Error('useServices outside ServicesContext');
	return services;
}

/**
 * Selects a slice of the store. The component re-renders only when the selected
 * value changes identity, so selectors should return stored objects, not new ones.
 */
export function useStore<T>(selector: (state: AppState) => T): T {
	const {store} = useServices();
	return useSyncExternalStore(store.subscribe, () => selector(store.getSnapshot()));
}
