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
import {earlySocket, startEarlyList} from '../engine/early-list.js';

/** The bundles' hashes, written in by scripts/bundle.mjs: a cache is of one bundle only. */
declare const PORTHOLE_BUNDLE_HASH: string;
declare const PORTHOLE_LATER_HASH: string;
/** The packages the app requires from later.cjs (scripts/bundle.mjs's laterPackages). */
declare const PORTHOLE_LATER_PACKAGES: readonly string[];
/** What goes around a bundle to make it a CommonJS module's function (scripts/bundle.mjs's wrapBundle). */
declare const PORTHOLE_BUNDLE_HEAD: string;
declare const PORTHOLE_BUNDLE_TAIL: string;

type ModuleFunction = (exports: object, require: NodeJS.Require, module: {exports: unknown}, filename: string, dirname: string) => void;

const launch = globalThis as {__portholeLaunch?: number; __portholeImport?: number; __portholeCodeCaches?: LoadedCodeCache[]};
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
const cacheDir = codeCacheDir(process.env);
// The UI's first container list, asked for now and read by the app
// (engine/early-list.ts). The request goes out in the next turn of the
// event loop, so the app is compiled in the turn after it.
const early = earlySocket(process.argv.slice(2), process.env, path => fs.existsSync(path));
if (early === undefined) {
	compileAndRun(sea.isSea() ? fromExecutable() : besideLauncher());
} else {
	startEarlyList(early);
	setImmediate(() => compileAndRun(sea.isSea() ? fromExecutable() : besideLauncher()));
}

/**
 * Compiles the bundle, with a code cache when there is one, and runs it. In a
 * function, so that the cache read (a couple of MB) and the launcher's copy
 * of the source are not held for the life of the process.
 */
function compileAndRun(bundle: Bundle): void {
	const script = compile('app', PORTHOLE_BUNDLE_HASH, bundle.source, bundle.file, bundle.built);
	const module = {exports: {}};
	(script.runInThisContext() as ModuleFunction)(module.exports, appRequire(bundle.file, bundle.folder, bundle.later), module, bundle.file, bundle.folder);
}

/** A vm.Script of a bundle, given V8 the user's cache of it (else `built`); noted for cli/code-cache.ts to write a new one. */
function compile(part: 'app' | 'later', hash: string, source: string, file: string, built?: {kind: 'built'; data: Buffer}): InstanceType<typeof vm.Script> {
	const key = `${part}-${hash}-${process.versions.v8}-${process.arch}`;
	const found = (cacheDir === undefined ? undefined : readCodeCache(cacheDir, key)) ?? built;
	if (part === 'app') launch.__portholeImport = performance.now();
	const script = new vm.Script(PORTHOLE_BUNDLE_HEAD + source + PORTHOLE_BUNDLE_TAIL, {
		filename: file,
		...(found ? {cachedData: found.data} : {}),
		importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
	});
	if (cacheDir !== undefined) {
		(launch.__portholeCodeCaches ??= []).push({
			dir: cacheDir,
			key,
			kind: found?.kind,
			bytes: found?.data.length ?? 0,
			rejected: found !== undefined && script.cachedDataRejected === true,
			create: () => script.createCachedData(),
			// The app's flags (cli/v8-flags.ts) are set before anything loads later.cjs.
			startFlags: part === 'app',
		});
	}
	return script;
}

/**
 * The app's require: Node's, but the packages bundled into later.cjs come
 * from there, compiled on first use. Given the bundle's parts, not the
 * bundle: it lives as long as the app, and must not keep the source.
 */
function appRequire(appFile: string, folder: string, readLater: Bundle['later']): NodeJS.Require {
	const nodeRequire = createRequire(appFile);
	let later: Record<string, () => unknown> | undefined;
	const load = () => {
		const {source, file} = readLater();
		const module = {exports: {}};
		(compile('later', PORTHOLE_LATER_HASH, source, file).runInThisContext() as ModuleFunction)(module.exports, nodeRequire, module, file, folder);
		return module.exports as Record<string, () => unknown>;
	};
	const require = (id: string) => (PORTHOLE_LATER_PACKAGES.includes(id) ? (later ??= load())[id]!() : nodeRequire(id));
	return Object.assign(require, nodeRequire);
}

type Bundle = {source: string; file: string; folder: string; built?: {kind: 'built'; data: Buffer}; later(): {source: string; file: string}};

/** dist/app.cjs and dist/later.cjs, beside this file. The bundles are ASCII (scripts/bundle.mjs): read as Latin-1 they become V8's one-byte text at once. */
function besideLauncher(): Bundle {
	const {fileURLToPath} = process.getBuiltinModule('node:url');
	const folder = fileURLToPath(new URL('.', import.meta.url)).replace(/\/$/, '');
	const file = `${folder}/app.cjs`;
	const later = `${folder}/later.cjs`;
	return {source: fs.readFileSync(file, 'latin1'), file, folder, later: () => ({source: fs.readFileSync(later, 'latin1'), file: later})};
}

/**
 * The single executable's assets (scripts/build-sea.mjs): the bundles, and a
 * code cache of the app made as it was built, for a start before any of the
 * user's own (it holds only what V8 compiles up front).
 */
function fromExecutable(): Bundle {
	const file = process.execPath;
	const built = Buffer.from(sea.getAsset('app.v8cache'));
	return {
		source: sea.getAsset('app.cjs', 'latin1'),
		file,
		folder: file.slice(0, file.lastIndexOf('/')),
		built: {kind: 'built', data: built},
		later: () => ({source: sea.getAsset('later.cjs', 'latin1'), file: `${file}/later.cjs`}),
	};
}
