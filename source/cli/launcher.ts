/*
 * The installed command, dist/porthole.js (scripts/build.mjs bundles this file
 * behind the two lines for sh that start node), and the single executable's
 * main script (scripts/build-sea.mjs). It checks the Node version, then
 * compiles the app bundle (dist/app.cjs, or the executable's asset of it)
 * with V8's code cache of the starts before (cli/code-cache.ts) and runs it.
 *
 * Kept small and free of imports that would load more of Node: it runs
 * before anything else, at every start.
 */
import {codeCacheDir, type LoadedCodeCache, readCodeCache} from './code-cache.js';

/** The bundle's hash, written in by scripts/bundle.mjs: a cache is of one bundle only. */
declare const PORTHOLE_BUNDLE_HASH: string;
/** What goes around the bundle to make it a CommonJS module's function (scripts/bundle.mjs's wrapBundle). */
declare const PORTHOLE_BUNDLE_HEAD: string;
declare const PORTHOLE_BUNDLE_TAIL: string;

const launch = globalThis as {__portholeLaunch?: number; __portholeImport?: number; __portholeCodeCache?: LoadedCodeCache};
launch.__portholeLaunch = performance.now();
if (process.env.PORTHOLE_ARENA_CAP === '1') {
	delete process.env.MALLOC_ARENA_MAX;
	delete process.env.PORTHOLE_ARENA_CAP;
}
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
// 22.3 brought process.getBuiltinModule, which loads https only for TLS hosts.
if (major < 22 || (major === 22 && minor < 3) || typeof process.getBuiltinModule !== 'function') {
	process.stderr.write(`porthole: needs Node 22.3 or newer (this is ${process.version})\n`);
	process.exit(1);
}
// V8's flags (no Maglev, a small young generation) are set by the bundle once
// it has loaded (cli/v8-flags.ts): setting one here would make Node's code
// cache of its own modules, and ours, useless.
const fs = process.getBuiltinModule('node:fs');
const vm = process.getBuiltinModule('node:vm');
const {createRequire} = process.getBuiltinModule('node:module');
const sea = process.getBuiltinModule('node:sea');
compileAndRun(sea.isSea() ? fromExecutable() : besideLauncher());

/**
 * Compiles the bundle, with a code cache when there is one, and runs it. In a
 * function, so that the cache read (a couple of MB) and the launcher's copy
 * of the source are not held for the life of the process.
 */
function compileAndRun(bundle: Bundle): void {
	const dir = codeCacheDir(process.env);
	const key = `${PORTHOLE_BUNDLE_HASH}-${process.versions.v8}-${process.arch}`;
	const found = (dir === undefined ? undefined : readCodeCache(dir, key)) ?? bundle.built;
	launch.__portholeImport = performance.now();
	const script = new vm.Script(PORTHOLE_BUNDLE_HEAD + bundle.source + PORTHOLE_BUNDLE_TAIL, {
		filename: bundle.file,
		...(found ? {cachedData: found.data} : {}),
		importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
	});
	if (dir !== undefined) {
		launch.__portholeCodeCache = {dir, key, kind: found?.kind, bytes: found?.data.length ?? 0, rejected: found !== undefined && script.cachedDataRejected === true, create: () => script.createCachedData()};
	}
	const module = {exports: {}};
	const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
	run(module.exports, createRequire(bundle.file), module, bundle.file, bundle.folder);
}

type Bundle = {source: string; file: string; folder: string; built?: {kind: 'built'; data: Buffer}};

/** dist/app.cjs, beside this file. The bundle is ASCII (scripts/bundle.mjs): read as Latin-1 it becomes V8's one-byte text at once. */
function besideLauncher(): Bundle {
	const {fileURLToPath} = process.getBuiltinModule('node:url');
	const folder = fileURLToPath(new URL('.', import.meta.url)).replace(/\/$/, '');
	const file = `${folder}/app.cjs`;
	return {source: fs.readFileSync(file, 'latin1'), file, folder};
}

/**
 * The single executable's assets (scripts/build-sea.mjs): the bundle, and a
 * code cache made as it was built, for a start before any of the user's own
 * (it holds only what V8 compiles up front).
 */
function fromExecutable(): Bundle {
	const file = process.execPath;
	const built = Buffer.from(sea.getAsset('app.v8cache'));
	return {source: sea.getAsset('app.cjs', 'latin1'), file, folder: file.slice(0, file.lastIndexOf('/')), built: {kind: 'built', data: built}};
}
