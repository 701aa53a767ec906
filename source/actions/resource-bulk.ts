import {imageTagRows, shortImageId} from '../domain/image.js';
import {builtinNetworks} from '../domain/network.js';
import type {Engine} from '../engine/engine.js';
import {ConflictError, NotFoundError} from '../engine/resource-errors.js';
import {plural} from '../format/plural.js';
import {sanitizeText} from '../format/sanitize.js';
import {finishBulk, setRowProgress, startBulk, type RowProgress} from '../store/bulk-slice.js';
import {marksOf, markedIn} from '../store/marks-slice.js';
import type {ResourceTable} from '../store/resources-state.js';
import type {AppState} from '../store/state.js';
import type {Store} from '../store/store.js';
import {notify} from '../store/ui-slice.js';
import {bulkConcurrency} from './bulk-actions.js';
import {nameList} from './bulk-plan.js';
import type {CommandContext} from './command-context.js';
import {askFirst} from './confirm.js';

/** One marked image, volume or network: its mark key, the name people read, and how the engine removes it. */
export type MarkedResource = {key: string; name: string; remove: (engine: Engine) => Promise<string>; skip?: string};

const nouns: Record<ResourceTable, string> = {images: 'image', volumes: 'volume', networks: 'network'};

/** Every row of a table as marks name them (the filter aside): images by id and tag, volumes by name, networks by id. */
export function resourceRows(state: AppState, table: ResourceTable): MarkedResource[] {
	const {resources} = state;
	switch (table) {
		case 'images': return imageTagRows(resources.images).map(row => {
			const reference = row.tag ?? row.image.id;
			return {
				key: row.key,
				name: row.tag ?? shortImageId(row.image.id),
				remove: async engine => (await engine.removeImage(reference, {force: false})).some(line => line.startsWith('Deleted')) ? 'removed' : 'untagged',
			};
		});
		case 'volumes': return resources.volumes.map(volume => ({key: volume.name, name: volume.name, remove: async engine => (await engine.removeVolume(volume.name), 'removed')}));
		case 'networks': return resources.networks.map(network => ({
			key: network.id,
			name: network.name,
			remove: async engine => (await engine.removeNetwork(network.id), 'removed'),
			...(builtinNetworks.has(network.name) ? {skip: 'built-in'} : {}),
		}));
	}
}

/** The marked rows of a table that still exist, by name. */
export function markedResources(state: AppState, table: ResourceTable): MarkedResource[] {
	const rows = resourceRows(state, table);
	const marked = new Set(markedIn(marksOf(state, table), rows.map(row => row.key)));
	return rows.filter(row => marked.has(row.key)).sort((a, b) => a.name.localeCompare(b.name));
}

const consequence: Record<ResourceTable, string> = {
	images: ' Tags with other tags on the same image are untagged; layers no other image shares are deleted. An image a container uses is refused.',
	volumes: ' Their data is deleted for good. A volume in use is refused.',
	networks: ' A network with containers attached is refused.',
};

/** The one question for removing the marked rows of a table. */
export function resourceQuestion(table: ResourceTable, rows: readonly MarkedResource[]): string {
	const targets = rows.filter(row => !row.skip);
	const skipped = rows.filter(row => row.skip);
	let text = `Remove ${plural(targets.length, nouns[table])}: ${nameList(targets.map(row => row.name))}?${consequence[table]}`;
	if (skipped.length > 0) text += ` ${nameList(skipped.map(row => row.name))} ${skipped.length === 1 ? 'is' : 'are'} built in: left alone.`;
	return text;
}

/** Why the engine refused one row, in a few words. */
function failure(engine: Engine, error: unknown): string {
	if (error instanceof NotFoundError) return 'no longer exists';
	if (error instanceof ConflictError) return `refused: ${sanitizeText(error.message)}`;
	return sanitizeText(engine.explain(error));
}

/** Removes each marked row on its own: one refusal does not stop the others; each row shows its result, the status bar sums up. */
export async function removeResources(engine: Engine, store: Store, table: ResourceTable, rows: readonly MarkedResource[]): Promise<{done: string[]; failed: Array<{name: string; reason: string}>}> {
	const outcome = {done: [] as string[], failed: [] as Array<{name: string; reason: string}>};
	if (store.getSnapshot().readOnly) {
		store.update(state => notify(state, 'read-only: remove is disabled', 'error'));
		return outcome;
	}
	const targets = rows.filter(row => !row.skip);
	const progress = new Map<string, RowProgress>(rows.map(row => [row.key, row.skip ? {status: 'skipped', text: row.skip} : {status: 'running', text: 'removing…'}]));
	store.update(state => notify(startBulk(state, progress), `removing ${plural(targets.length, nouns[table])}…`));
	const queue = [...targets];
	const worker = async () => {
		for (let row = queue.shift(); row; row = queue.shift()) {
			let result: RowProgress;
			try {
				result = {status: 'done', text: await row.remove(engine)};
				outcome.done.push(sanitizeText(row.name));
			} catch (error) {
				result = {status: 'failed', text: failure(engine, error)};
				outcome.failed.push({name: sanitizeText(row.name), reason: result.text});
			}
			const key = row.key;
			store.update(state => setRowProgress(state, key, result));
		}
	};
	await Promise.all(Array.from({length: Math.min(bulkConcurrency, queue.length)}, worker));
	const first = outcome.failed[0];
	const failed = first ? `, ${outcome.failed.length} failed (${first.name}: ${first.reason}${outcome.failed.length > 1 ? `; also ${nameList(outcome.failed.slice(1).map(each => each.name), 2)}` : ''})` : '';
	store.update(state => notify(finishBulk(state, Date.now()), `remove: ${outcome.done.length} removed${failed}`, first ? 'error' : 'info'));
	return outcome;
}

/** Asks once, then removes every marked row of the table. */
export function askRemoveResources(context: Pick<CommandContext, 'engine' | 'store' | 'binding'>, table: ResourceTable, rows: readonly MarkedResource[]): void {
	const {engine, store} = context;
	if (rows.every(row => row.skip)) {
		store.update(state => notify(state, `the marked ${nouns[table]}s are built in; nothing to remove`, 'error'));
		return;
	}
	const count = rows.filter(row => !row.skip).length;
	askFirst(context, {
		title: `Remove ${plural(count, nouns[table])}`,
		question: resourceQuestion(table, rows),
		target: `${count} ${nouns[table]}s`,
		run: () => void removeResources(engine, store, table, rows),
	});
}
