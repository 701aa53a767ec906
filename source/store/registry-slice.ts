import type {RegistryRow} from '../domain/registry.js';
import type {AppState, ViewName} from './state.js';
import {setView} from './ui-slice.js';

/** The registry view: a v2 registry's repositories and tags, or a Docker Hub search's results. */
export type RegistryState = {
	/** The registry's address ("127.0.0.1:5000"); absent for a Docker Hub search. */
	host?: string;
	/** The search term, for a Docker Hub search. */
	term?: string;
	/** Safe rows (names checked against the distribution grammar, text sanitised). */
	rows: RegistryRow[];
	selected: number;
	status: 'loading' | 'done' | 'error';
	/** One line: the error, or what was left out (invalid names, more than the bound). */
	message?: string;
	/** The view Esc goes back to. */
	from: ViewName;
	/** Stops the reads still running; Esc and a new browse call it. */
	cancel?: () => void;
};

/** Opens the registry view, loading; the previous browse (if any) is cancelled by the caller. */
export function openRegistry(state: AppState, change: Pick<RegistryState, 'host' | 'term' | 'cancel'>): AppState {
	const from = state.ui.view === 'registry' ? (state.registry?.from ?? 'images') : state.ui.view;
	return setView({...state, registry: {...change, rows: [], selected: 0, status: 'loading', from}}, 'registry');
}

/** Applies `step` to the registry view when it is still the browse that `cancel` started. */
export function updateRegistry(state: AppState, cancel: () => void, step: (registry: RegistryState) => RegistryState): AppState {
	const registry = state.registry;
	if (!registry || registry.cancel !== cancel) return state;
	return {...state, registry: step(registry)};
}

/** Moves the selection, clamped to the rows. */
export function selectRegistryRow(state: AppState, selected: number): AppState {
	const registry = state.registry;
	if (!registry) return state;
	const clamped = Math.max(0, Math.min(registry.rows.length - 1, selected));
	return clamped === registry.selected ? state : {...state, registry: {...registry, selected: clamped}};
}
