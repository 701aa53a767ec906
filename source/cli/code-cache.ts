/*
 * The V8 code cache of the bundle, kept between starts (README, Performance).
 *
 * The launcher (source/cli/launcher.ts) compiles dist/app.cjs with vm.Script
 * and hands V8 the cache from here; V8 checks it against its own version,
 * its flags and the source, and compiles from the source instead when it does
 * not fit. The app writes a new one once it has drawn its first frame: made
 * then, the cache holds every function the start ran (V8's up-front cache
 * holds only the few it compiles eagerly), so the next start compiles none.
 * dist/later.cjs, the packages loaded on demand (the config file's parser,
 * say), has its own, written at the same moment when it was loaded by then.
 *
 * A cache is code the process will run, so it is read only from the user's
 * own cache folder, from a file the user owns that nobody else can write.
 * Nothing here ever prints: a cache that cannot be read or written is no cache.
 */
import type {Stats} from 'node:fs';

/** Who wrote a cache: the TUI after its first frame, or a one-shot run (--once, --json) as it ends. */
export type CodeCacheKind = 'tui' | 'cli';

/** What the launcher found, and how to make a new cache of the running bundle. */
export type LoadedCodeCache = {
	dir: string;
	/** `app-` or `later-` (which bundle), its hash, V8's version and the architecture. */
	key: string;
	/** The kind of cache handed to V8, if any ('built': the single executable's own, made as it was built). */
	kind: CodeCacheKind | 'built' | undefined;
	bytes: number;
	/** V8 refused it (another Node, other flags, another bundle). */
	rejected: boolean;
	create(): Buffer;
	/** The cache is to be made under the V8 flags the process started with: the app's is, as it was compiled before the app set its own. */
	startFlags: boolean;
};

const kinds: readonly CodeCacheKind[] = ['tui', 'cli'];
/** Larger than any cache of this bundle (about 2 MB); a file past it is not ours. */
const maxBytes = 64 * 2 ** 20;

/**
 * The folder for caches: $XDG_CACHE_HOME/porthole, else ~/.cache/porthole.
 * None when NODE_DISABLE_COMPILE_CACHE is set (Node's own switch for its
 * compile cache), or no absolute folder is known.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv): string | undefined {
	if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
	const xdg = env.XDG_CACHE_HOME;
	if (xdg?.startsWith('/')) return `${xdg}/porthole`;
	const home = env.HOME;
	if (home?.startsWith('/')) return `${home}/.cache/porthole`;
	return undefined;
}

/** The file of a cache of the bundle `key` (LoadedCodeCache's). */
export function codeCacheFile(dir: string, key: string, kind: CodeCacheKind): string {
	return `${dir}/${key}.${kind}.v8cache`;
}

/** A file we may hand to V8: a regular file of ours, that no one else can write, of a sane size. */
export function trustedCache(stats: Pick<Stats, 'isFile' | 'uid' | 'mode' | 'size'>, uid: number | undefined): boolean {
	return stats.isFile() && (uid === undefined || stats.uid === uid) && (stats.mode & 0o022) === 0 && stats.size > 0 && stats.size <= maxBytes;
}

/** The bytes of `path` when it is a file we may trust (trustedCache), not reached through a symbolic link. */
export function readTrusted(path: string): Buffer | undefined {
	const fs = process.getBuiltinModule('node:fs');
	let fd: number | undefined;
	try {
		fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
		const stats = fs.fstatSync(fd);
		if (!trustedCache(stats, process.getuid?.())) return undefined;
		const data = Buffer.allocUnsafe(stats.size);
		return fs.readSync(fd, data, 0, stats.size, 0) === stats.size ? data : undefined;
	} catch {
		// None there, or not readable.
		return undefined;
	} finally {
		if (fd !== undefined) fs.closeSync(fd);
	}
}

/** The best cache there is for `key`: one the TUI wrote, else one a one-shot run wrote. */
export function readCodeCache(dir: string, key: string): {kind: CodeCacheKind; data: Buffer} | undefined {
	for (const kind of kinds) {
		const data = readTrusted(codeCacheFile(dir, key, kind));
		if (data) return {kind, data};
	}
	return undefined;
}

/**
 * Whether a run of `kind` writes a cache after what the launcher loaded: the
 * TUI unless it started from one of its own that V8 took; a one-shot run only
 * when it had none of the user's that V8 took (the TUI's covers its
 * functions too).
 */
export function shouldWriteCodeCache(loaded: Pick<LoadedCodeCache, 'kind' | 'rejected'>, kind: CodeCacheKind): boolean {
	// The executable's built-in cache holds only what V8 compiles up front: a run's own is better.
	const took = loaded.kind !== undefined && loaded.kind !== 'built' && !loaded.rejected;
	return kind === 'tui' ? !(took && loaded.kind === 'tui') : !took;
}

/** How many bundles keep a cache: two installs used in turn (the npm CLI and a single executable, two versions) must not undo each other's. */
const keptBundles = 4;
/** Older than this, another process's temporary file is not still being written. */
const staleMs = 60_000;

/**
 * Writes the cache of `kind` for `key` (the folder made private, the file
 * put in place whole by a rename), then tidies the folder: the other kind's
 * cache of this bundle goes (a one-shot run's once the TUI's is there, or one
 * V8 refused), and of other bundles only the latest few written are kept.
 * Returns whether it was written.
 */
export function writeCodeCache(dir: string, key: string, kind: CodeCacheKind, data: Buffer): boolean {
	const file = codeCacheFile(dir, key, kind);
	if (!writePrivate(dir, file, data)) return false;
	for (const other of kinds) if (other !== kind) remove(codeCacheFile(dir, key, other));
	// Other bundles of the same part (app, later): other versions, or the npm CLI and the executable.
	const part = key.slice(0, key.indexOf('-') + 1);
	keepLatest(dir, name => name.startsWith(part) && name.endsWith('.v8cache') && !name.startsWith(`${key}.`), keptBundles - 1);
	return true;
}

/** Writes `data` to `file`, in `dir` made private: the file private too, put in place whole by a rename. */
export function writePrivate(dir: string, file: string, data: Buffer | string): boolean {
	const fs = process.getBuiltinModule('node:fs');
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		fs.mkdirSync(dir, {recursive: true, mode: 0o700});
		fs.writeFileSync(temporary, data, {mode: 0o600, flag: 'wx'});
		fs.renameSync(temporary, file);
		return true;
	} catch {
		remove(temporary);
		return false;
	}
}

/**
 * Of the files in `dir` that `pick` chooses, keeps the `count` written last
 * and removes the others; and removes what a write cut short left (the
 * process killed between write and rename), once it is a minute old.
 */
export function keepLatest(dir: string, pick: (name: string) => boolean, count: number): void {
	const names = safeList(dir);
	const others = names.filter(pick)
		.map(name => ({path: `${dir}/${name}`, written: modified(`${dir}/${name}`)}))
		.sort((a, b) => b.written - a.written);
	for (const {path} of others.slice(count)) remove(path);
	for (const name of names) if (/^(app|later|config)-.+\.\d+\.tmp$/.test(name) && modified(`${dir}/${name}`) < Date.now() - staleMs) remove(`${dir}/${name}`);
}

function remove(path: string): void {
	try {
		process.getBuiltinModule('node:fs').rmSync(path, {force: true});
	} catch {
		// Someone else's to clear.
	}
}

function modified(path: string): number {
	try {
		return process.getBuiltinModule('node:fs').statSync(path).mtimeMs;
	} catch {
		return 0;
	}
}

function safeList(dir: string): string[] {
	try {
		return process.getBuiltinModule('node:fs').readdirSync(dir);
	} catch {
		return [];
	}
}

/** What the launcher found, as the start-up trace says it ("none" when the bundle was not started by it). */
export function describeLoadedCache(loaded: LoadedCodeCache | undefined): string {
	if (!loaded) return 'none (not started by the launcher)';
	if (loaded.kind === undefined) return 'none';
	return `${loaded.rejected ? 'refused by V8' : 'used'}: ${loaded.kind}, ${megabytes(loaded.bytes)}`;
}

/** The caches the launcher handed over (source/cli/launcher.ts): the app's first, then later.cjs's once it is loaded. */
export function launcherCodeCaches(): readonly LoadedCodeCache[] {
	return (globalThis as {__portholeCodeCaches?: LoadedCodeCache[]}).__portholeCodeCaches ?? [];
}

/** The app bundle's cache, if the launcher handed one over. */
export function launcherCodeCache(): LoadedCodeCache | undefined {
	return launcherCodeCaches()[0];
}

/**
 * Writes a cache of what has run so far of each bundle, when a run of `kind`
 * should (see shouldWriteCodeCache). `asMadeAtStart` runs the making under
 * the V8 flags the process started with, which the next start checks the
 * app's against (later.cjs is compiled under the app's own, and so made).
 * Returns what it wrote of each, for the start-up trace.
 */
export function saveCodeCache(kind: CodeCacheKind, asMadeAtStart: (make: () => Buffer) => Buffer): Array<{part: string; wrote: string}> {
	const wrote: Array<{part: string; wrote: string}> = [];
	for (const loaded of launcherCodeCaches()) {
		if (!shouldWriteCodeCache(loaded, kind)) continue;
		let data: Buffer;
		try {
			data = loaded.startFlags ? asMadeAtStart(loaded.create) : loaded.create();
		} catch {
			continue;
		}
		if (writeCodeCache(loaded.dir, loaded.key, kind, data)) wrote.push({part: loaded.key.slice(0, loaded.key.indexOf('-')), wrote: `${kind}, ${megabytes(data.length)}`});
	}
	return wrote;
}

function megabytes(bytes: number): string {
	return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}
