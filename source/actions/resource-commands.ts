import {movedIndex, type Move} from '../domain/selection-move.js';
import type {AppState} from '../store/state.js';
import {selectedImage, selectedNetwork, selectedVolume} from '../store/resources-selectors.js';
import {askRefresh, setHistory, setPull, toggleUntagged} from '../store/resources-slice.js';
import {notify, setView} from '../store/ui-slice.js';
import type {CommandContext, Handlers} from './command-context.js';
import {askPruneImages, askPull, askRemoveImage, showHistory} from './image-actions.js';
import {showInspect} from './inspect-actions.js';
import {onSelected} from './on-selected.js';
import {askRemoveNetwork} from './network-actions.js';
import {moveHandlers} from './navigation.js';
import {tableBack, tableHandlers} from './table-commands.js';
import {askCreateVolume, askPruneVolumes, askRemoveVolume} from './volume-actions.js';
import {resourceMarkHandlers} from './resource-mark-commands.js';


/** Esc in the images view: cancel a running pull; else put away a finished one; else clear the filter; else back to containers. */
function imagesBack(context: CommandContext): void {
	const pull = context.store.getSnapshot().resources.pull;
	if (pull?.state === 'running') {
		pull.cancel();
		context.store.update(state => notify(state, 'cancelling the pull…'));
		return;
	}
	context.store.update(state => (pull ? setPull(state, undefined) : tableBack(state)));
}

/** What the images view does with each command (before marks). */
const imageOwnHandlers: Handlers = {
	...tableHandlers('images'),
	back: imagesBack,
	'toggle-untagged': ({store}) => store.update(toggleUntagged),
	'image-history': onSelected(selectedImage, 'image', (context, row) => void showHistory(context, row)),
	'open-inspect': onSelected(selectedImage, 'image', (context, row) => void showInspect(context, {kind: 'image', id: row.image.id, name: row.tag ?? row.image.id})),
	pull: context => askPull(context),
	remove: onSelected(selectedImage, 'image', (context, row) => void askRemoveImage(context, row)),
	prune: context => void askPruneImages(context, 'dangling'),
	'prune-all': context => void askPruneImages(context, 'all'),
};

/** What the images view does with each command. */
export const imageHandlers: Handlers = {...imageOwnHandlers, ...resourceMarkHandlers('images', imageOwnHandlers)};

/** Moves the highlighted layer of the history view. */
function moveLayer(state: AppState, move: Move): AppState {
	const history = state.resources.history;
	if (!history) return state;
	const selected = movedIndex(history.selected, history.layers?.length ?? 0, move);
	return selected === undefined || selected === history.selected ? state : setHistory(state, {...history, selected});
}

/** What the image history view does with each command. */
export const historyHandlers: Handlers = {
	...moveHandlers('history', moveLayer),
	back: ({store}) => store.update(state => setView(setHistory(state, undefined), 'images')),
};

/** What the volumes view does with each command (before marks). */
const volumeOwnHandlers: Handlers = {
	...tableHandlers('volumes'),
	'open-inspect': onSelected(selectedVolume, 'volume', (context, row) => void showInspect(context, {kind: 'volume', id: row.name, name: row.name})),
	create: context => askCreateVolume(context),
	remove: onSelected(selectedVolume, 'volume', (context, row) => void askRemoveVolume(context, row.name)),
	prune: context => void askPruneVolumes(context),
	refresh: ({store}) => store.update(askRefresh),
};

/** What the volumes view does with each command. */
export const volumeHandlers: Handlers = {...volumeOwnHandlers, ...resourceMarkHandlers('volumes', volumeOwnHandlers)};

/** What the networks view does with each command (before marks). */
const networkOwnHandlers: Handlers = {
	...tableHandlers('networks'),
	'open-inspect': onSelected(selectedNetwork, 'network', (context, row) => void showInspect(context, {kind: 'network', id: row.id, name: row.name})),
	remove: onSelected(selectedNetwork, 'network', (context, row) => askRemoveNetwork(context, row)),
};

/** What the networks view does with each command. */
export const networkHandlers: Handlers = {...networkOwnHandlers, ...resourceMarkHandlers('networks', networkOwnHandlers)};

/** What the disk-usage view does with each command. */
export const diskHandlers: Handlers = {
	back: ({store}) => store.update(state => setView(state, 'containers')),
	refresh: ({store}) => store.update(askRefresh),
};

/** The global key for the disk-usage summary. */
export const diskUsageHandler: Handlers = {
	'disk-usage': ({store}) => store.update(state => setView(state, 'disk')),
};
