import {imagePruneEstimate, type DiskUsage, type ImagePruneMode} from '../domain/disk-usage.js';
import {shortImageId} from '../domain/image.js';
import {applyPullMessage, finishPull, startPull} from '../domain/pull-progress.js';
import {engineMessage} from '../engine/engine-message.js';
import {ConflictError, httpStatus, NotFoundError} from '../engine/resource-errors.js';
import {formatSize, nameList, pullFailureText} from '../format/resource-text.js';
import {sanitizeText} from '../format/sanitize.js';
import type {ImageView} from '../store/resources-selectors.js';
import {setDiskUsage, setHistory, setPull, updatePull} from '../store/resources-slice.js';
import type {PullState} from '../store/resources-state.js';
import {notify, setUi, setView} from '../store/ui-slice.js';
import type {CommandContext} from './command-context.js';
import {askFirst} from './confirm.js';
import {labelFor, promptKeys} from '../keys/key-labels.js';
import {plural} from '../format/plural.js';

type Context = Pick<CommandContext, 'engine' | 'store' | 'binding'>;

/** Refuses in read-only mode, as a second fence behind the keymap; true when refused. */
export function refusedReadOnly({store}: Context, what: string): boolean {
	if (!store.getSnapshot().readOnly) return false;
	store.update(state => notify(state, `read-only: ${what} is disabled`, 'error'));
	return true;
}

/** What removing this row does, in words: untag one of several tags, or delete the image. */
export function removeQuestion(row: ImageView, users: readonly string[]): {title: string; question: string} {
	const id = shortImageId(row.image.id);
	const name = row.tag ? sanitizeText(row.tag) : `untagged image ${id}`;
	const others = row.tag ? row.image.tags.filter(tag => tag !== row.tag) : [];
	if (row.tag && others.length > 0) {
		return {title: 'Untag', question: `Untag ${name}? Image ${id} keeps its other tag${others.length > 1 ? 's' : ''} (${nameList(others)}); nothing is deleted.`};
	}
	if (users.length > 0) {
		return {title: 'Remove image', question: `Image ${name} is used by container${users.length > 1 ? 's' : ''} ${nameList(users)}, so the engine refuses to remove it. Try anyway? Force is offered next if it refuses.`};
	}
	return {title: 'Remove image', question: `Remove image ${name} (${id}, ${formatSize(row.image.size)})? Layers no other image shares are deleted.`};
}

/**
 * Asks before removing the selected image row. The dialog names the
 * containers that use it (asked of the engine, since the store may lag). On
 * yes it removes without force; if the engine refuses because of containers,
 * a second dialog offers force, naming them again.
 */
export async function askRemoveImage(context: Context, row: ImageView): Promise<void> {
	if (refusedReadOnly(context, 'remove')) return;
	const {engine, store} = context;
	let users = row.users;
	try {
		users = (await engine.imageUsers(row.image.id)).map(user => user.name);
	} catch {
		// The store's names will do; the engine still has the last word on yes.
	}
	const reference = row.tag ?? row.image.id;
	const {title, question} = removeQuestion(row, users);
	const run = () => void removeImage(context, reference, {force: false});
	askFirst(context, {title, question, target: reference, run});
}

/**
 * Removes an image or a tag and reports what the engine did. A refusal
 * because containers use it opens the force dialog instead of failing silently.
 */
export async function removeImage(context: Context, reference: string, {force}: {force: boolean}): Promise<void> {
	if (refusedReadOnly(context, 'remove')) return;
	const {engine, store} = context;
	const name = sanitizeText(reference.startsWith('sha256:') ? shortImageId(reference) : reference);
	try {
		const lines = await engine.removeImage(reference, {force});
		const deleted = lines.filter(line => line.startsWith('Deleted')).length;
		store.update(state => notify(state, deleted > 0 ? `removed ${name} (${plural(deleted, 'layer')} deleted)` : `untagged ${name}`));
	} catch (error) {
		if (error instanceof NotFoundError) {
			store.update(state => notify(state, `${name} no longer exists`, 'error'));
		} else if (error instanceof ConflictError && !force) {
			await offerForce(context, reference, name, error.message);
		} else {
			store.update(state => notify(state, `remove ${name} failed: ${sanitizeText(error instanceof ConflictError ? error.message : engine.explain(error))}`, 'error'));
		}
	}
}

async function offerForce(context: Context, reference: string, name: string, said: string): Promise<void> {
	const {engine, store} = context;
	let users: string[] = [];
	try {
		// The list may not have caught up with an image made a moment ago: then the engine says its ID.
		const known = store.getSnapshot().resources.images.find(candidate => candidate.id === reference || candidate.tags.includes(reference));
		const id = known?.id ?? ((await engine.inspectJson('image', reference)) as {Id?: string} | undefined)?.Id;
		if (id) users = (await engine.imageUsers(id)).map(user => user.name);
	} catch {
		// The engine's own words below still say why.
	}
	const who = users.length > 0 ? `container${users.length > 1 ? 's' : ''} ${nameList(users)}` : 'a container';
	store.update(state => notify(state, `refused: ${name} is used by ${who} (${sanitizeText(said)})`, 'error'));
	const question = `The engine refused: ${name} is used by ${who}. Force-remove it? The containers keep their filesystem but show the image by ID.`;
	const run = () => void removeImage(context, reference, {force: true});
	askFirst(context, {title: 'Force remove image', question, target: reference, run});
}

/** Reads disk usage now (for an up-to-date estimate) and stores it; undefined when the engine will not say. */
async function freshDiskUsage({engine, store}: Context): Promise<DiskUsage | undefined> {
	try {
		const disk = await engine.diskUsage();
		store.update(state => setDiskUsage(state, disk));
		return disk;
	} catch {
		return store.getSnapshot().resources.disk;
	}
}

/** Asks before pruning images, saying how many and about how much space the engine will reclaim. */
export async function askPruneImages(context: Context, mode: ImagePruneMode, options: {labels?: string[]} = {}): Promise<void> {
	if (refusedReadOnly(context, 'prune')) return;
	const disk = await freshDiskUsage(context);
	const estimate = disk ? imagePruneEstimate(disk, mode) : undefined;
	const what = mode === 'all' ? 'every image no container uses' : 'dangling (untagged, unused) images';
	const figure = estimate ? ` That is ${plural(estimate.count, 'image')}, about ${formatSize(estimate.bytes)} to reclaim.` : '';
	const question = `Prune ${what}?${figure}`;
	const run = () => void pruneImages(context, mode, options);
	askFirst(context, {title: mode === 'all' ? 'Prune unused images' : 'Prune dangling images', question, target: mode, run});
}

/** Prunes images and reports the count and the bytes the engine says it reclaimed. */
export async function pruneImages(context: Context, mode: ImagePruneMode, options: {labels?: string[]} = {}): Promise<void> {
	if (refusedReadOnly(context, 'prune')) return;
	const {engine, store} = context;
	store.update(state => notify(state, 'pruning images…'));
	try {
		// The engine lists deleted layers with the images; images are told apart by the IDs listed just before.
		const known = new Set((await engine.listImages()).map(image => image.id));
		const result = await engine.pruneImages({all: mode === 'all', labels: options.labels});
		const images = result.removed.filter(entry => known.has(entry)).length;
		store.update(state => notify(state, `pruned ${plural(images, 'image')}, reclaimed ${formatSize(result.spaceReclaimed)} (${result.spaceReclaimed} bytes)`));
	} catch (error) {
		store.update(state => notify(state, `prune failed: ${sanitizeText(engine.explain(error))}`, 'error'));
	}
}

/** Opens the pull prompt; Enter starts the pull. */
export function askPull(context: Context): void {
	if (refusedReadOnly(context, 'pull')) return;
	context.store.update(state => setUi(state, {prompt: {kind: 'input', text: '', label: 'pull ', help: `name:tag, e.g. alpine:3.20; ${promptKeys('pulls')}`, submit: text => void pullImage(context, text)}}));
}

/**
 * Pulls an image and keeps the store's pull state up to date with each
 * progress message, so the pane can draw a bar per layer and in total. The
 * pull owns its stream: `cancel` (Esc) aborts it, which closes the request
 * and makes the engine stop. One pull at a time. Never throws.
 */
export async function pullImage(context: Context, text: string): Promise<PullState | undefined> {
	const reference = text.trim();
	if (reference === '') return undefined;
	if (refusedReadOnly(context, 'pull')) return undefined;
	const {engine, store} = context;
	if (store.getSnapshot().resources.pull?.state === 'running') {
		store.update(state => notify(state, `a pull is already running; ${labelFor('back', 'images')} cancels it`, 'error'));
		return undefined;
	}
	const controller = new AbortController();
	const cancel = () => controller.abort();
	const change = (step: (pull: PullState) => PullState) => store.update(state => updatePull(state, cancel, step));
	store.update(state => notify(setPull(state, {...startPull(reference), cancel}), `pulling ${sanitizeText(reference)}…`));
	try {
		const messages = await engine.pullImage(reference, controller.signal);
		for await (const message of messages) change(pull => ({...applyPullMessage(pull, message), cancel}));
		change(pull => ({...finishPull(pull, controller.signal.aborted ? 'cancelled' : 'done'), cancel}));
	} catch (error) {
		if (controller.signal.aborted) {
			change(pull => ({...finishPull(pull, 'cancelled'), cancel}));
		} else {
			const words = httpStatus(error) === undefined ? engine.explain(error) : engineMessage(error);
			change(pull => ({...finishPull(pull, 'failed', pullFailureText(reference, words)), cancel}));
		}
	}
	const final = store.getSnapshot().resources.pull;
	if (final?.cancel === cancel) {
		const name = sanitizeText(reference);
		if (final.state === 'done') store.update(state => notify(state, `pulled ${name}`));
		else if (final.state === 'cancelled') store.update(state => notify(state, `pull of ${name} cancelled`));
		else store.update(state => notify(state, final.error ?? `pull ${name} failed`, 'error'));
	}
	return final;
}

/** Opens the history view of an image and loads its layers. */
export async function showHistory({engine, store}: Context, row: ImageView): Promise<void> {
	const imageId = row.image.id;
	const title = row.tag ? sanitizeText(row.tag) : shortImageId(imageId);
	store.update(state => setView(setHistory(state, {imageId, title, selected: 0}), 'history'));
	const stillShown = (state: ReturnType<typeof store.getSnapshot>) => state.resources.history?.imageId === imageId;
	try {
		const layers = await engine.imageHistory(imageId);
		store.update(state => stillShown(state) ? setHistory(state, {...state.resources.history!, layers}) : state);
	} catch (error) {
		const message = error instanceof NotFoundError ? `image ${title} no longer exists` : sanitizeText(engine.explain(error));
		store.update(state => stillShown(state) ? setHistory(state, {...state.resources.history!, error: message}) : state);
	}
}
