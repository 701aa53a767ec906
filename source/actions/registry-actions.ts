import {eachLimited} from '../domain/each-limited.js';
import {parseRegistryHost, registryLimits, registryReference, validRepository, type RegistryRow} from '../domain/registry.js';
import {movedIndex, type Move} from '../domain/selection-move.js';
import {oneLine} from '../engine/connection-errors.js';
import {engineMessage} from '../engine/engine-message.js';
import {registryCatalog, registryManifestSize, registryTags, RegistryError, type RegistryAddress} from '../engine/registry-api.js';
import {plural} from '../format/plural.js';
import {sanitizeText} from '../format/sanitize.js';
import {openRegistry, selectRegistryRow, updateRegistry, type RegistryState} from '../store/registry-slice.js';
import type {AppState} from '../store/state.js';
import {notify, setView} from '../store/ui-slice.js';
import type {CommandContext, Handlers} from './command-context.js';
import {pullImage} from './image-actions.js';
import {moveHandlers} from './navigation.js';

type Context = Pick<CommandContext, 'engine' | 'store'>;

/** At most this many rows in the view, and manifests read for sizes. */
const maxRows = 2000;
const maxSizes = 200;
/** Docker Hub search results asked of the engine. */
const searchLimit = 25;

/** Our words for a failed registry read: RegistryError's are ours already; anything else is flattened. */
const failure = (error: unknown) => oneLine(sanitizeText(error instanceof RegistryError ? error.message : engineMessage(error)), 200);

/** Stops the browse or search still running, if any. */
function stopBrowse(state: AppState): void {
	state.registry?.cancel?.();
}

/**
 * `:registry HOST`: reads a v2 registry's catalog, then each repository's
 * tags, then each tag's manifest for its size (four reads at a time, each
 * with a deadline, every name checked), filling the registry view as answers
 * come. Browsing changes nothing, so it is allowed in --read-only. Never throws.
 */
export async function browseRegistry(context: Context, text: string): Promise<RegistryState | undefined> {
	const {store} = context;
	const address = parseRegistryHost(text);
	if (!address) {
		store.update(state => notify(state, text.trim() === '' ? 'usage: :registry HOST[:PORT] (e.g. :registry 127.0.0.1:5000)' : `not a registry address: ${oneLine(sanitizeText(text), 80)}`, 'error'));
		return undefined;
	}
	stopBrowse(store.getSnapshot());
	const controller = new AbortController();
	const cancel = () => controller.abort();
	const change = (step: (registry: RegistryState) => RegistryState) => store.update(state => updateRegistry(state, cancel, step));
	store.update(state => openRegistry(state, {host: address.host, cancel}));
	try {
		await readRegistry(address, controller.signal, change);
	} catch (error) {
		change(registry => ({...registry, status: 'error', message: controller.signal.aborted ? 'cancelled' : failure(error)}));
	}
	return store.getSnapshot().registry;
}

async function readRegistry(address: RegistryAddress, signal: AbortSignal, change: (step: (registry: RegistryState) => RegistryState) => void): Promise<void> {
	const catalog = await registryCatalog(address, signal);
	const notes: string[] = [];
	if (catalog.invalid > 0) notes.push(`${plural(catalog.invalid, 'invalid name')} left out`);
	if (catalog.more) notes.push(`only the first ${registryLimits.repositories} repositories`);
	change(registry => ({...registry, rows: catalog.names.map(repository => ({repository}))}));
	const tagged = new Map<string, string[]>();
	let invalidTags = 0;
	await eachLimited(catalog.names, 4, async repository => {
		if (signal.aborted) return;
		try {
			const tags = await registryTags(address, repository, signal);
			invalidTags += tags.invalid;
			tagged.set(repository, tags.names);
		} catch (error) {
			if (signal.aborted) throw error;
			tagged.set(repository, []);
		}
		// Rows in catalog order, a repository's tags in the registry's order.
		const rows: RegistryRow[] = catalog.names.flatMap(name => {
			const tags = tagged.get(name);
			return tags === undefined || tags.length === 0 ? [{repository: name}] : tags.map(tag => ({repository: name, tag}));
		}).slice(0, maxRows);
		change(registry => ({...registry, rows}));
	});
	if (signal.aborted) throw new RegistryError('cancelled');
	if (invalidTags > 0) notes.push(`${plural(invalidTags, 'invalid tag')} left out`);
	let rows: RegistryRow[] = [];
	change(registry => {
		rows = registry.rows;
		return registry;
	});
	const sized = rows.filter(row => row.tag !== undefined).slice(0, maxSizes);
	await eachLimited(sized, 4, async row => {
		if (signal.aborted) return;
		const size = await registryManifestSize(address, row.repository, row.tag!, signal).catch(() => undefined);
		if (size === undefined) return;
		change(registry => ({...registry, rows: registry.rows.map(each => each.repository === row.repository && each.tag === row.tag ? {...each, size} : each)}));
	});
	if (signal.aborted) throw new RegistryError('cancelled');
	change(registry => ({...registry, status: 'done', message: notes.length > 0 ? notes.join('; ') : undefined}));
}

/** Docker Hub search results made safe: valid names only, descriptions one short line, stars a count. */
export function searchRows(results: ReadonlyArray<{name: unknown; description: unknown; stars: unknown; official: unknown}>): {rows: RegistryRow[]; invalid: number} {
	const rows: RegistryRow[] = [];
	let invalid = 0;
	for (const result of results) {
		if (!validRepository(result.name)) {
			invalid++;
			continue;
		}
		rows.push({
			repository: result.name,
			description: typeof result.description === 'string' ? oneLine(sanitizeText(result.description), 120) : '',
			stars: typeof result.stars === 'number' && Number.isFinite(result.stars) && result.stars >= 0 ? Math.floor(result.stars) : undefined,
			official: result.official === true,
		});
	}
	return {rows, invalid};
}

/**
 * `:hub TERM`: Docker Hub search through the engine. Where the engine
 * cannot reach Docker Hub (no internet, a proxy it lacks), the view and the
 * status bar say so in one line with the engine's reason. Never throws.
 */
export async function searchHub(context: Context, term: string): Promise<RegistryState | undefined> {
	const {engine, store} = context;
	const wanted = term.trim();
	if (wanted === '') {
		store.update(state => notify(state, 'usage: :hub TERM (Docker Hub search, through the engine)', 'error'));
		return undefined;
	}
	stopBrowse(store.getSnapshot());
	const controller = new AbortController();
	const cancel = () => controller.abort();
	const change = (step: (registry: RegistryState) => RegistryState) => store.update(state => updateRegistry(state, cancel, step));
	const shown = oneLine(sanitizeText(wanted), 60);
	store.update(state => openRegistry(state, {term: shown, cancel}));
	try {
		const {rows, invalid} = searchRows(await engine.searchImages(wanted, searchLimit));
		change(registry => ({...registry, rows, status: 'done', message: invalid > 0 ? `${plural(invalid, 'invalid name')} left out` : undefined}));
	} catch (error) {
		if (controller.signal.aborted) return store.getSnapshot().registry;
		const message = `Docker Hub search is not available: the engine cannot reach Docker Hub (${oneLine(sanitizeText(engine.explain(error)), 140)})`;
		change(registry => ({...registry, status: 'error', message}));
		store.update(state => notify(state, message, 'error'));
	}
	return store.getSnapshot().registry;
}

/** `:registry HOST` and `:hub TERM`; false when `text` is neither. */
export function runRegistryLine(text: string, context: Context): boolean {
	const match = /^:?(registry|reg|hub)(?:\s+(.*))?$/.exec(text.trim());
	if (!match) return false;
	if (match[1] === 'hub') void searchHub(context, match[2] ?? '');
	else void browseRegistry(context, match[2] ?? '');
	return true;
}

function moveRow(state: AppState, move: Move): AppState {
	const registry = state.registry;
	if (!registry) return state;
	const selected = movedIndex(registry.selected, registry.rows.length, move);
	return selected === undefined ? state : selectRegistryRow(state, selected);
}

/** What the registry view does with each command. */
export const registryHandlers: Handlers = {
	...moveHandlers('registry', moveRow),
	pull: context => {
		const registry = context.store.getSnapshot().registry;
		const row = registry?.rows[registry.selected];
		if (!registry || !row) return;
		// The pull's bars are drawn in the images view, where Esc cancels it.
		context.store.update(state => setView(state, 'images'));
		void pullImage(context, registryReference(registry.host, row));
	},
	back: ({store}) => {
		const registry = store.getSnapshot().registry;
		registry?.cancel?.();
		store.update(state => setView(state, state.registry?.from ?? 'images'));
	},
};
