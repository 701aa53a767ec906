import {volumePruneEstimate} from '../domain/disk-usage.js';
import {ConflictError, NotFoundError} from '../engine/resource-errors.js';
import {formatSize, nameList} from '../format/resource-text.js';
import {sanitizeText} from '../format/sanitize.js';
import {setDiskUsage} from '../store/resources-slice.js';
import {notify, setUi} from '../store/ui-slice.js';
import type {CommandContext} from './command-context.js';
import {askFirst} from './confirm.js';
import {refusedReadOnly} from './image-actions.js';
import {promptKeys} from '../keys/key-labels.js';
import {plural, pluralWith} from '../format/plural.js';

type Context = Pick<CommandContext, 'engine' | 'store' | 'binding'>;

/** The refusal for a volume in use, naming the containers. */
export function inUseText(name: string, users: readonly string[]): string {
	return `volume ${sanitizeText(name)} is in use by container${users.length > 1 ? 's' : ''} ${nameList(users)}; remove ${users.length > 1 ? 'them' : 'it'} first`;
}

/**
 * Removes a volume after asking. A volume that containers use is refused at
 * once with their names (asked of the engine, stopped containers included),
 * since the engine would refuse it too.
 */
export async function askRemoveVolume(context: Context, name: string): Promise<void> {
	if (refusedReadOnly(context, 'remove')) return;
	const {engine, store} = context;
	let users: string[];
	try {
		users = (await engine.volumeUsers(name)).map(user => user.name);
	} catch (error) {
		store.update(state => notify(state, `remove ${sanitizeText(name)} failed: ${sanitizeText(engine.explain(error))}`, 'error'));
		return;
	}
	if (users.length > 0) {
		store.update(state => notify(state, inUseText(name, users), 'error'));
		return;
	}
	const run = () => void removeVolume(context, name);
	askFirst(context, {title: 'Remove volume', question: `Remove volume ${sanitizeText(name)}? Its data is deleted for good.`, target: name, run});
}

/** Removes a volume and reports it; a refusal (a container took it meanwhile) names the containers. */
export async function removeVolume(context: Context, name: string): Promise<void> {
	if (refusedReadOnly(context, 'remove')) return;
	const {engine, store} = context;
	try {
		await engine.removeVolume(name);
		store.update(state => notify(state, `removed volume ${sanitizeText(name)}`));
	} catch (error) {
		if (error instanceof NotFoundError) {
			store.update(state => notify(state, `volume ${sanitizeText(name)} no longer exists`, 'error'));
			return;
		}
		if (error instanceof ConflictError) {
			const users = await engine.volumeUsers(name).then(list => list.map(user => user.name), () => []);
			store.update(state => notify(state, users.length > 0 ? inUseText(name, users) : `refused: ${sanitizeText(error.message)}`, 'error'));
			return;
		}
		store.update(state => notify(state, `remove ${sanitizeText(name)} failed: ${sanitizeText(engine.explain(error))}`, 'error'));
	}
}

/** Asks before pruning unused volumes, with the count and bytes the disk-usage report gives. */
export async function askPruneVolumes(context: Context, options: {labels?: string[]} = {}): Promise<void> {
	if (refusedReadOnly(context, 'prune')) return;
	const {engine, store} = context;
	let figure = '';
	try {
		const disk = await engine.diskUsage();
		store.update(state => setDiskUsage(state, disk));
		const estimate = volumePruneEstimate(disk);
		figure = ` ${pluralWith(estimate.count, 'volume', 'is', 'are')} unused, about ${formatSize(estimate.bytes)}.`;
	} catch {
		// Ask without the figure; the engine reports what it reclaimed afterwards.
	}
	const question = `Prune volumes no container uses? Their data is deleted for good.${figure} (Engine 23 and later prune only anonymous volumes.)`;
	const run = () => void pruneVolumes(context, options);
	askFirst(context, {title: 'Prune volumes', question, target: 'volumes', run});
}

/** Prunes unused volumes and reports the count and the bytes the engine says it reclaimed. */
export async function pruneVolumes(context: Context, options: {labels?: string[]} = {}): Promise<void> {
	if (refusedReadOnly(context, 'prune')) return;
	const {engine, store} = context;
	try {
		const result = await engine.pruneVolumes({labels: options.labels});
		const count = result.removed.length;
		store.update(state => notify(state, `pruned ${plural(count, 'volume')}, reclaimed ${formatSize(result.spaceReclaimed)} (${result.spaceReclaimed} bytes)`));
	} catch (error) {
		store.update(state => notify(state, `prune failed: ${sanitizeText(engine.explain(error))}`, 'error'));
	}
}

/** Opens the prompt for a new volume's name; Enter creates it. */
export function askCreateVolume(context: Context): void {
	if (refusedReadOnly(context, 'create')) return;
	context.store.update(state => setUi(state, {prompt: {kind: 'input', text: '', label: 'new volume ', help: `name: letters, digits, _ . -; ${promptKeys('creates')}`, submit: text => void createVolume(context, text)}}));
}

/** Creates a named local volume and reports it, or the engine's reason for refusing. */
export async function createVolume(context: Context, text: string): Promise<void> {
	const name = text.trim();
	if (name === '' || refusedReadOnly(context, 'create')) return;
	const {engine, store} = context;
	if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) {
		store.update(state => notify(state, `"${sanitizeText(name)}" is not a valid volume name: use letters, digits, _ . - and start with a letter or digit`, 'error'));
		return;
	}
	try {
		const created = await engine.createVolume(name);
		store.update(state => notify(state, `created volume ${sanitizeText(created)}`));
	} catch (error) {
		store.update(state => notify(state, `create ${sanitizeText(name)} failed: ${sanitizeText(engine.explain(error))}`, 'error'));
	}
}
