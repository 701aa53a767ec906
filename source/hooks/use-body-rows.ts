import {useEffect} from 'react';
import {setBodyRows} from '../store/body-rows.js';
import type {ViewName} from '../store/state.js';
import {useServices} from './use-store.js';

/**
 * Publishes how many lines of items a pane shows at once, so paging moves by
 * exactly what is on screen instead of guessing the pane's header height.
 * Each pane calls it once with the number it draws.
 */
export function useBodyRows(view: ViewName, rows: number): void {
	const {store} = useServices();
	useEffect(() => {
		store.update(state => setBodyRows(state, view, Math.max(1, rows)));
	}, [store, view, rows]);
}
