import {stat} from 'node:fs/promises';
import {splitCommandLine} from '../domain/argv.js';
import {applyBuildMessage, buildFailureText, finishBuild, startBuild, type BuildProgress} from '../domain/build-log.js';
import {parseRepoTag} from '../domain/image-reference.js';
import {shortImageId} from '../domain/image.js';
import {packBuildContext, readBuildContext} from '../engine/build-context.js';
import type {BuildOptions} from '../engine/build-api.js';
import {formatSize} from '../format/resource-text.js';
import {plural} from '../format/plural.js';
import {sanitizeText} from '../format/sanitize.js';
import {promptKeys} from '../keys/key-labels.js';
import {finishOutput, openLiveOutput, outputLineRows, setOutputLines} from '../store/output-slice.js';
import {notify, setUi} from '../store/ui-slice.js';
import type {CommandContext} from './command-context.js';
import {refusedReadOnly} from './image-actions.js';
import {resolveSavePath} from './log-save.js';
import {fileTrouble} from '../format/file-trouble.js';

type Context = Pick<CommandContext, 'engine' | 'store' | 'binding'>;

/** A parsed build line: the folder and the options `docker build` would take. */
export type BuildRequest = BuildOptions & {path: string};

/**
 * Reads `PATH [-t repo:tag] [--build-arg K=V]… [--target STAGE] [-f FILE]`,
 * the words of `docker build`. A one-line reason when it will not do.
 */
export function parseBuildLine(line: string): BuildRequest | {error: string} {
	const words = splitCommandLine(line);
	const request: BuildRequest = {path: ''};
	const buildArgs: Record<string, string> = {};
	for (let i = 0; i < words.length; i++) {
		const word = words[i]!;
		const value = () => {
			const next = words[++i];
			if (next === undefined) throw new Error(`${word} needs a value`);
			return next;
		};
		try {
			if (word === '-t' || word === '--tag') {
				const parsed = parseRepoTag(value());
				if ('error' in parsed) return parsed;
				request.tag = `${parsed.repo}:${parsed.tag}`;
			} else if (word === '--build-arg') {
				const pair = value();
				const equals = pair.indexOf('=');
				if (equals <= 0) return {error: `--build-arg wants KEY=value, not "${pair}"`};
				buildArgs[pair.slice(0, equals)] = pair.slice(equals + 1);
			} else if (word === '--target') {
				request.target = value();
			} else if (word === '-f' || word === '--file') {
				request.dockerfile = value();
			} else if (word.startsWith('-')) {
				return {error: `unknown option ${word} (-t, --build-arg, --target, -f)`};
			} else if (request.path === '') {
				request.path = word;
			} else {
				return {error: `one folder only (got "${request.path}" and "${word}")`};
			}
		} catch (error) {
			return {error: (error as Error).message};
		}
	}
	if (request.path === '') return {error: 'a folder with a Dockerfile is needed, e.g. :build ./app -t app:dev'};
	if (Object.keys(buildArgs).length > 0) request.buildArgs = buildArgs;
	return request;
}

/** The images view's build key: asks for the folder and options. */
export function askBuild(context: Context): void {
	if (refusedReadOnly(context, 'build')) return;
	context.store.update(state => setUi(state, {prompt: {kind: 'input', text: '', label: 'build ', help: `FOLDER [-t repo:tag] [--build-arg K=V] [--target STAGE] [-f FILE]; ${promptKeys('builds')}`, submit: text => void buildImage(context, text)}}));
}

/** `:build …` on the command line; true when the line was a build. */
export function runBuildLine(text: string, context: Context): boolean {
	const match = /^:?build(?:\s+(.*))?$/.exec(text.trim());
	if (!match) return false;
	void buildImage(context, match[1] ?? '');
	return true;
}

let builds = 0;

/**
 * Builds from a folder with the classic builder. The context is read first
 * (.dockerignore applied) and its size said in the status bar, then sent as
 * a tar while the log streams into the output view, which follows it. Esc
 * there cancels: the request is closed and the engine stops the build. A
 * failure names the step in the status bar. Never throws.
 */
export async function buildImage(context: Context, line: string): Promise<BuildProgress | undefined> {
	if (refusedReadOnly(context, 'build')) return undefined;
	const {engine, store} = context;
	const request = parseBuildLine(line);
	if ('error' in request) {
		store.update(state => notify(state, `build: ${sanitizeText(request.error)}`, 'error'));
		return undefined;
	}
	const root = resolveSavePath(request.path);
	const shown = sanitizeText(root);
	const dockerfile = request.dockerfile ?? 'Dockerfile';
	try {
		if (!(await stat(root)).isDirectory()) throw Object.assign(new Error('not a folder'), {code: 'ENOTDIR'});
		await stat(`${root}/${dockerfile}`);
	} catch (error) {
		const code = (error as {code?: string}).code;
		store.update(state => notify(state, `build: ${code === 'ENOENT' ? `no ${sanitizeText(dockerfile)} in ${shown}` : fileTrouble(error, shown, 'read') ?? `cannot read ${shown}`}`, 'error'));
		return undefined;
	}
	let buildContext;
	try {
		buildContext = await readBuildContext(root, dockerfile);
	} catch (error) {
		store.update(state => notify(state, `build: cannot read ${shown}: ${sanitizeText((error as Error).message)}`, 'error'));
		return undefined;
	}
	const size = `${plural(buildContext.entries.length, 'file')}, ${formatSize(buildContext.bytes)}${buildContext.ignored > 0 ? `, ${buildContext.ignored} left out by .dockerignore` : ''}`;
	const key = `build-${++builds}`;
	const controller = new AbortController();
	const cancel = () => controller.abort();
	const title = `Build of ${shown}${request.tag ? ` as ${sanitizeText(request.tag)}` : ''} (classic builder; context ${size})`;
	store.update(state => notify(openLiveOutput(state, key, title, cancel, true), `sending build context: ${size}`));
	const visible = () => outputLineRows(store.getSnapshot());
	let progress = startBuild();
	const show = () => store.update(state => setOutputLines(state, key, progress.lines.map(text => sanitizeText(text)), visible(), {
		truncated: progress.dropped > 0,
		dropped: progress.dropped,
		build: {...(progress.step ? {step: sanitizeText(progress.step.trim())} : {}), cached: progress.cached},
	}));
	const tar = await packBuildContext(buildContext);
	try {
		const messages = await engine.buildImage(tar, request, controller.signal);
		for await (const message of messages) {
			progress = applyBuildMessage(progress, message);
			show();
		}
		progress = finishBuild(progress, controller.signal.aborted ? 'cancelled' : progress.imageId ? 'done' : 'failed', progress.imageId ? undefined : 'the engine ended the build without an image');
	} catch (error) {
		progress = controller.signal.aborted ? finishBuild(progress, 'cancelled') : finishBuild(progress, 'failed', engine.explain(error));
	} finally {
		tar.destroy();
	}
	show();
	const name = request.tag ? sanitizeText(request.tag) : shortImageId(progress.imageId ?? '');
	if (progress.state === 'done') {
		const words = `built ${name} (${shortImageId(progress.imageId ?? '')}${progress.cached > 0 ? `, ${plural(progress.cached, 'step')} from cache` : ''})`;
		store.update(state => notify(finishOutput(state, key, {status: 'done', message: words}), words));
	} else if (progress.state === 'cancelled') {
		store.update(state => notify(finishOutput(state, key, {status: 'error', message: 'cancelled'}), 'build cancelled; the engine stopped it'));
	} else {
		const words = sanitizeText(buildFailureText(progress));
		store.update(state => notify(finishOutput(state, key, {status: 'error', message: words}), words, 'error'));
	}
	return progress;
}
