import {existsSync} from 'node:fs';
import {writeAtomically} from '../engine/atomic-file.js';
import {homedir} from 'node:os';
import {resolve} from 'node:path';
import {savedViewLine} from '../format/log-line.js';
import {formatBytes} from '../format/bytes.js';
import {fileTrouble} from '../format/file-trouble.js';
import {sanitizeText} from '../format/sanitize.js';
import {logView} from '../store/log-view.js';
import type {LogTarget} from '../store/logs-slice.js';
import {notify, setUi} from '../store/ui-slice.js';
import type {Store} from '../store/store.js';
import type {CommandContext} from './command-context.js';
import {plural} from '../format/plural.js';

/** What to save: the complete log from the engine, or the lines in view as filtered. */
export type SaveMode = 'complete' | 'view';

/** A local time as a file name's part: `YYYYMMDD-HHMMSS`. */
export function stamp(now: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
}

function safeName(name: string): string {
	return name.replace(/^\//, '').replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 60) || 'container';
}

/** The file name a save suggests, in the working directory: `<name>-<stamp>.log` (`-view` for the filtered lines). */
export function defaultSavePath(targets: readonly LogTarget[], mode: SaveMode, now = new Date()): string {
	const base = targets.length === 1 ? safeName(targets[0]!.name) : `${targets.length}-containers`;
	return `${base}-${stamp(now)}${mode === 'view' ? '-view' : ''}.log`;
}

/** A typed path made absolute: `~/` is the home directory, the rest is relative to the working directory. */
export function resolveSavePath(typed: string): string {
	const text = typed.trim();
	return resolve(text === '~' || text.startsWith('~/') ? homedir() + text.slice(1) : text);
}

/** The files a complete save of several containers writes: one per container, named after it. */
export function completeSavePaths(path: string, targets: readonly LogTarget[]): Array<{target: LogTarget; path: string}> {
	if (targets.length === 1) return [{target: targets[0]!, path}];
	const stem = path.replace(/\.log$/, '');
	return targets.map(target => ({target, path: `${stem}-${safeName(target.name)}.log`}));
}

/** The typed path made absolute, or undefined (and said in the status bar) when nothing was typed. */
export function typedSavePath(store: Store, typed: string): string | undefined {
	if (typed.trim() !== '') return resolveSavePath(typed);
	store.update(state => notify(state, 'save cancelled: no file name', 'error'));
	return undefined;
}

/**
 * Runs `write` at once when none of `paths` exists; else only after a yes in
 * a dialog that names the ones that do (`what`: what would replace one), and
 * then with leave to overwrite. The logs, output and images views' saves.
 */
export function unlessOverwriting(store: Store, paths: readonly string[], write: (overwrite: boolean) => void, what?: string): void {
	const existing = paths.filter(each => existsSync(each));
	if (existing.length === 0) {
		write(false);
		return;
	}
	const names = existing.map(sanitizeText).join(', ');
	store.update(state => setUi(state, {confirm: {
		title: 'Overwrite',
		question: `${names} already exist${existing.length === 1 ? 's' : ''}. Overwrite${what ? ` it with ${what}` : ''}?`,
		target: existing[0]!,
		run: () => write(true),
	}}));
}

/** Writes lines (each ended by a newline) to `path`, whole or not at all, in chunks of a thousand. */
export async function writeLines(path: string, overwrite: boolean, lines: Iterable<string>): Promise<void> {
	await writeAtomically(path, {overwrite}, async file => {
		const chunk: string[] = [];
		for (const line of lines) {
			chunk.push(line + '\n');
			if (chunk.length >= 1000) await file.write(chunk.splice(0).join(''));
		}
		if (chunk.length > 0) await file.write(chunk.join(''));
	});
}

/** The system calls of writing the file; any other failure (connect, say) is the engine's, and the engine explains it. */
const fileCalls = new Set(['open', 'write', 'close', 'rename', 'link', 'unlink', 'access']);

/** Why a save to `path` failed, in a few words: the file's trouble (format/file-trouble), else `explain` (the engine's words). */
export function saveFailure(error: unknown, path: string, explain: (error: unknown) => string): string {
	const {code, syscall} = error as {code?: string; syscall?: string};
	const local = code === 'EEXIST' || code === 'EACCES' || code === 'EISDIR' || (syscall !== undefined && fileCalls.has(syscall));
	return local ? fileTrouble(error, path, 'write') ?? (error as Error).message : explain(error);
}

/**
 * Saves to the typed path. An existing file is not touched without a yes in
 * a confirmation dialog that names it; the save then overwrites. The result
 * (the path, or a one-line reason) goes to the status bar. Never throws.
 */
export function requestSave(context: CommandContext, typed: string, mode: SaveMode): void {
	const {store} = context;
	const path = typedSavePath(store, typed);
	if (path === undefined) return;
	const targets = store.getSnapshot().logs.targets;
	const paths = mode === 'complete' ? completeSavePaths(path, targets).map(each => each.path) : [path];
	unlessOverwriting(store, paths, overwrite => void save(context, path, mode, overwrite));
}

/**
 * Writes the file(s), each whole or not at all (engine/atomic-file.ts): a
 * failed read leaves an existing file as it was and no new one. Resolves
 * when done; reports success or failure in the status bar.
 */
export async function save(context: CommandContext, path: string, mode: SaveMode, overwrite: boolean): Promise<void> {
	const {store, engine} = context;
	const state = store.getSnapshot();
	const targets = state.logs.targets;
	try {
		if (mode === 'view') {
			// A snapshot of the view now: later lines do not join a save in progress.
			const view = logView(state.logs);
			const lines = view.slice(0, view.size);
			const names = targets.length > 1 ? new Map(targets.map(target => [target.id, target.name])) : undefined;
			await writeLines(path, overwrite, lines.map(line => savedViewLine(line, {timestamps: state.logs.timestamps, name: names?.get(line.source)})));
			store.update(s => notify(s, `saved ${plural(lines.length, 'line')} in view to ${path}`));
			return;
		}
		store.update(s => notify(s, `saving the complete log to ${path}…`));
		let bytes = 0;
		const files = completeSavePaths(path, targets);
		for (const each of files) bytes += (await engine.saveLog(each.target.id, {tty: each.target.tty, path: each.path, overwrite, ...(each.target.service ? {service: true} : {})})).bytes;
		const where = files.length === 1 ? path : `${plural(files.length, 'file')}: ${files.map(each => each.path).join(', ')}`;
		store.update(s => notify(s, `saved the complete log (${formatBytes(bytes)}) to ${where}`));
	} catch (error) {
		store.update(s => notify(s, `save to ${path} failed: ${sanitizeText(saveFailure(error, path, cause => engine.explain(cause)))}`, 'error'));
	}
}
