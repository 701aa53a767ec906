import {parseRepoTag, registryHost, type RepoTag} from '../domain/image-reference.js';
import {shortImageId, type ImageView} from '../domain/image.js';
import {applyPullMessage, finishPull, startPull} from '../domain/pull-progress.js';
import {credentialsFor} from '../engine/docker-auth.js';
import {NotFoundError} from '../engine/resource-errors.js';
import {labelFor, promptKeys} from '../keys/key-labels.js';
import {sanitizeText} from '../format/sanitize.js';
import {setPull, updatePull} from '../store/resources-slice.js';
import type {PullState} from '../store/resources-state.js';
import {notify, setUi} from '../store/ui-slice.js';
import type {CommandContext} from './command-context.js';
import {askFirst} from './confirm.js';
import {refusedReadOnly} from './image-actions.js';

type Context = Pick<CommandContext, 'engine' | 'store' | 'binding'>;

/** The name an image row goes by in messages: its tag, else its short ID. */
function rowName(row: ImageView): string {
	return row.tag ? sanitizeText(row.tag) : shortImageId(row.image.id);
}

/** Opens a one-line prompt whose answer goes to `submit`. */
function ask(context: Context, label: string, help: string, submit: (text: string) => void, text = ''): void {
	context.store.update(state => setUi(state, {prompt: {kind: 'input', text, label, help, submit}}));
}

/** Parses a typed repo:tag, or says in the status bar why it will not do; undefined then. */
function repoTagOrSay(context: Context, text: string): RepoTag | undefined {
	const parsed = parseRepoTag(text);
	if ('error' in parsed) {
		context.store.update(state => notify(state, sanitizeText(parsed.error), 'error'));
		return undefined;
	}
	return parsed;
}

/** Asks for the new repo:tag of the selected image. */
export function askTag(context: Context, row: ImageView): void {
	if (refusedReadOnly(context, 'tag')) return;
	ask(context, `tag ${rowName(row)} as `, `repo:tag, e.g. myapp:1.0 or 127.0.0.1:5000/myapp:1.0; ${promptKeys('tags')}`, text => void tagImage(context, row.image.id, text));
}

/** Tags an image (by ID) as `text` and reports it; a bad name or a gone image is one line in the status bar. */
export async function tagImage(context: Context, imageId: string, text: string): Promise<boolean> {
	if (refusedReadOnly(context, 'tag')) return false;
	const target = repoTagOrSay(context, text);
	if (!target) return false;
	const {engine, store} = context;
	const name = sanitizeText(`${target.repo}:${target.tag}`);
	try {
		await engine.tagImage(imageId, target);
		store.update(state => notify(state, `tagged ${shortImageId(imageId)} as ${name}`));
		return true;
	} catch (error) {
		const why = error instanceof NotFoundError ? 'the image no longer exists' : engine.explain(error);
		store.update(state => notify(state, `tag ${name} failed: ${sanitizeText(why)}`, 'error'));
		return false;
	}
}

/**
 * Asks before removing this row's tag. Untag never deletes an image: on the
 * last tag it says so and points to remove instead.
 */
export function askUntag(context: Context, row: ImageView): void {
	if (refusedReadOnly(context, 'untag')) return;
	const {store} = context;
	if (!row.tag) {
		store.update(state => notify(state, `image ${shortImageId(row.image.id)} has no tag to remove`, 'error'));
		return;
	}
	const others = row.image.tags.filter(tag => tag !== row.tag);
	if (others.length === 0) {
		store.update(state => notify(state, `${sanitizeText(row.tag!)} is the image's only tag: untagging would delete it; ${labelFor('remove', 'images')} removes the image`, 'error'));
		return;
	}
	const question = `Remove the tag ${sanitizeText(row.tag)}? Image ${shortImageId(row.image.id)} stays, as ${sanitizeText(others.join(', '))}.`;
	const reference = row.tag;
	askFirst(context, {title: 'Untag', question, target: reference, run: () => void untagImage(context, reference)});
}

/** Removes one tag (never force, so the engine refuses to delete an image in use). */
export async function untagImage(context: Context, reference: string): Promise<boolean> {
	if (refusedReadOnly(context, 'untag')) return false;
	const {engine, store} = context;
	const name = sanitizeText(reference);
	try {
		await engine.removeImage(reference, {force: false});
		store.update(state => notify(state, `untagged ${name}`));
		return true;
	} catch (error) {
		store.update(state => notify(state, `untag ${name} failed: ${sanitizeText(engine.explain(error))}`, 'error'));
		return false;
	}
}

/** What a commit asks for, gathered over four prompts. */
export type CommitAnswers = {target: RepoTag; message: string; author: string; pause: boolean};

/** Reads a yes/no answer where empty means the default. */
export function yesNo(text: string, fallback: boolean): boolean | undefined {
	const value = text.trim().toLowerCase();
	if (value === '') return fallback;
	if (value === 'y' || value === 'yes') return true;
	if (value === 'n' || value === 'no') return false;
	return undefined;
}

/**
 * Asks, one prompt after another, for the repo:tag, the message, the author
 * and whether to pause the container while committing (yes by default, as
 * `docker commit`), then commits.
 */
export function askCommit(context: Context, container: {id: string; name: string}): void {
	if (refusedReadOnly(context, 'commit')) return;
	const name = sanitizeText(container.name);
	ask(context, `commit ${name} as `, `repo:tag; ${promptKeys('goes on')}`, text => {
		const target = repoTagOrSay(context, text);
		if (!target) return;
		ask(context, 'message ', `commit message (may be empty); ${promptKeys('goes on')}`, message => {
			ask(context, 'author ', `e.g. Jane <jane@example.com> (may be empty); ${promptKeys('goes on')}`, author => {
				ask(context, 'pause while committing? [Y/n] ', `pausing keeps the filesystem still; ${promptKeys('commits')}`, answer => {
					const pause = yesNo(answer, true);
					if (pause === undefined) {
						context.store.update(state => notify(state, 'answer y or n; nothing committed', 'error'));
						return;
					}
					void commitContainer(context, container, {target, message, author, pause});
				});
			});
		});
	});
}

/** Commits a container to an image and reports the new image's short ID. */
export async function commitContainer(context: Context, container: {id: string; name: string}, answers: CommitAnswers): Promise<string | undefined> {
	if (refusedReadOnly(context, 'commit')) return undefined;
	const {engine, store} = context;
	const name = sanitizeText(`${answers.target.repo}:${answers.target.tag}`);
	store.update(state => notify(state, `committing ${sanitizeText(container.name)}…`));
	try {
		const id = await engine.commitContainer(container.id, {...answers.target, message: answers.message.trim(), author: answers.author.trim(), pause: answers.pause});
		store.update(state => notify(state, `committed ${sanitizeText(container.name)} as ${name} (${shortImageId(id)})`));
		return id;
	} catch (error) {
		const why = error instanceof NotFoundError ? 'the container no longer exists' : engine.explain(error);
		store.update(state => notify(state, `commit failed: ${sanitizeText(why)}`, 'error'));
		return undefined;
	}
}

/** Asks what to push: the row's tag as it stands (Enter), or another one typed over it. */
export function askPush(context: Context, row: ImageView): void {
	if (refusedReadOnly(context, 'push')) return;
	ask(context, 'push ', `registry/repo:tag (credentials from the docker config); ${promptKeys('pushes')}`, text => void pushImage(context, text), row.tag ?? '');
}

/** The first line of a push failure, with a plainer lead for a registry's refusal. */
export function pushFailureText(reference: string, words: string): string {
	const line = words.split('\n')[0]?.trim() ?? '';
	const denied = /denied|unauthorized|authentication required|no basic auth credentials|forbidden|401|403/i.test(line);
	return denied ? `push ${reference} denied by the registry: ${line}` : `push ${reference} failed: ${line}`;
}

/**
 * Pushes a tag with credentials from the docker CLI's config, keeping the
 * store's transfer state (the pull panel's bars, in push words) up to date.
 * Esc cancels through the same `cancel` as a pull. Never throws.
 */
export async function pushImage(context: Context, text: string): Promise<PullState | undefined> {
	if (refusedReadOnly(context, 'push')) return undefined;
	const target = repoTagOrSay(context, text);
	if (!target) return undefined;
	const {engine, store} = context;
	if (store.getSnapshot().resources.pull?.state === 'running') {
		store.update(state => notify(state, `a transfer is already running; ${labelFor('back', 'images')} cancels it`, 'error'));
		return undefined;
	}
	const reference = `${target.repo}:${target.tag}`;
	const name = sanitizeText(reference);
	const controller = new AbortController();
	const cancel = () => controller.abort();
	const change = (step: (pull: PullState) => PullState) => store.update(state => updatePull(state, cancel, step));
	store.update(state => notify(setPull(state, {...startPull(reference, 'push'), cancel}), `pushing ${name}…`));
	try {
		const auth = await credentialsFor(registryHost(target.repo));
		const messages = await engine.pushImage(target, auth, controller.signal);
		for await (const message of messages) change(pull => ({...applyPullMessage(pull, message), cancel}));
		change(pull => ({...finishPull(pull, controller.signal.aborted ? 'cancelled' : 'done'), cancel}));
	} catch (error) {
		if (controller.signal.aborted) change(pull => ({...finishPull(pull, 'cancelled'), cancel}));
		else {
			const words = error instanceof NotFoundError ? `no image ${name} here` : engine.explain(error);
			change(pull => ({...finishPull(pull, 'failed', pushFailureText(name, sanitizeText(words))), cancel}));
		}
	}
	const final = store.getSnapshot().resources.pull;
	if (final?.cancel === cancel) {
		// An error message from the stream says only the registry's words: give them the same lead.
		const failed = final.state === 'failed' && final.error && !final.error.startsWith('push ') ? {...final, error: pushFailureText(name, sanitizeText(final.error))} : final;
		if (failed !== final) store.update(state => setPull(state, failed));
		if (failed.state === 'done') store.update(state => notify(state, `pushed ${name}`));
		else if (failed.state === 'cancelled') store.update(state => notify(state, `push of ${name} cancelled`));
		else store.update(state => notify(state, failed.error ?? `push ${name} failed`, 'error'));
		return failed;
	}
	return final;
}
