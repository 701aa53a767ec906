import {builtinNetworks, type NetworkRow} from '../domain/network.js';
import {ConflictError, NotFoundError} from '../engine/resource-errors.js';
import {nameList} from '../format/resource-text.js';
import {sanitizeText} from '../format/sanitize.js';
import {notify, setUi} from '../store/ui-slice.js';
import type {CommandContext} from './command-context.js';
import {askFirst} from './confirm.js';
import {refusedReadOnly} from './image-actions.js';

type Context = Pick<CommandContext, 'engine' | 'store' | 'binding'>;

/**
 * Asks before removing a network. The built-in ones (bridge, host, none) are
 * refused at once; a network with containers attached is named with them,
 * since the engine refuses until they disconnect.
 */
export function askRemoveNetwork(context: Context, row: NetworkRow): void {
	if (refusedReadOnly(context, 'remove')) return;
	const name = sanitizeText(row.name);
	if (builtinNetworks.has(row.name)) {
		context.store.update(state => notify(state, `${name} is a built-in network; the engine needs it and cannot remove it`, 'error'));
		return;
	}
	const members = row.containers.map(member => member.name);
	const question = members.length > 0
		? `Remove network ${name}? Container${members.length > 1 ? 's' : ''} ${nameList(members)} ${members.length > 1 ? 'are' : 'is'} attached, so the engine will refuse until they disconnect.`
		: `Remove network ${name} (${sanitizeText(row.driver)})?`;
	const run = () => void removeNetwork(context, row);
	askFirst(context, {title: 'Remove network', question, target: row.name, run});
}

/** Removes a network and reports the outcome in the status bar. */
export async function removeNetwork(context: Context, row: NetworkRow): Promise<void> {
	if (refusedReadOnly(context, 'remove')) return;
	const {engine, store} = context;
	const name = sanitizeText(row.name);
	try {
		await engine.removeNetwork(row.id);
		store.update(state => notify(state, `removed network ${name}`));
	} catch (error) {
		const text = error instanceof NotFoundError ? `network ${name} no longer exists`
			: error instanceof ConflictError ? `refused: ${sanitizeText(error.message)}`
			: `remove ${name} failed: ${sanitizeText(engine.explain(error))}`;
		store.update(state => notify(state, text, 'error'));
	}
}
