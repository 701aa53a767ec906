import {setView} from '../store/ui-slice.js';
import {moveTopSelection, sortTop} from '../store/top-slice.js';
import type {Handlers} from './command-context.js';
import {moveHandlers} from './navigation.js';

/** What the top view does with each command. Leaving the view stops its polling (sync/top-poller.ts). */
export const topHandlers: Handlers = {
	back: ({store}) => store.update(s => setView(s, 'containers')),
	...moveHandlers('top', moveTopSelection),
	'sort-cpu': ({store}) => store.update(s => sortTop(s, 'cpu')),
	'sort-memory': ({store}) => store.update(s => sortTop(s, 'memory')),
	'sort-pid': ({store}) => store.update(s => sortTop(s, 'pid')),
};
