import {pageRows} from '../store/body-rows.js';
import {setView} from '../store/ui-slice.js';
import {moveTopSelection, sortTop} from '../store/top-slice.js';
import type {CommandContext, Handlers} from './command-context.js';

const page = ({store}: CommandContext) => pageRows(store.getSnapshot(), 'top');

/** What the top view does with each command. Leaving the view stops its polling (sync/top-poller.ts). */
export const topHandlers: Handlers = {
	back: ({store}) => store.update(s => setView(s, 'containers')),
	up: ({store}) => store.update(s => moveTopSelection(s, -1)),
	down: ({store}) => store.update(s => moveTopSelection(s, 1)),
	'page-up': context => context.store.update(s => moveTopSelection(s, -page(context))),
	'page-down': context => context.store.update(s => moveTopSelection(s, page(context))),
	top: ({store}) => store.update(s => moveTopSelection(s, 'first')),
	bottom: ({store}) => store.update(s => moveTopSelection(s, 'last')),
	'sort-cpu': ({store}) => store.update(s => sortTop(s, 'cpu')),
	'sort-memory': ({store}) => store.update(s => sortTop(s, 'memory')),
	'sort-pid': ({store}) => store.update(s => sortTop(s, 'pid')),
};
