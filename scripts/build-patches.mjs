// Edits to pinned dependencies, made as they are bundled. Each edit must find
// its text exactly once; when a dependency update moved that text, the build
// fails (naming the patch and the file) rather than silently bundling the
// slower original: the performance work must not come undone unnoticed.
import {readFileSync} from 'node:fs';
import {dockerodeLazyTar, modemLazyHttps, modemQuietDebug} from './engine-patches.mjs';
import {inkCellUpdate, inkFrameCaches, inkMouseReports, inkSanitizeFastPath, inkTextWidth} from './ink-patches.mjs';
import {lazySegmenters} from './segmenter-patches.mjs';

export {dockerodeLazyTar, inkCellUpdate, inkFrameCaches, inkMouseReports, inkSanitizeFastPath, inkTextWidth, lazySegmenters, modemLazyHttps, modemQuietDebug};

/** A patch that no longer applies: which one, to which file, and why it matters. */
export class PatchError extends Error {
	constructor(patch, path, detail) {
		super(`build: patch ${patch.name} does not apply to ${path}: ${detail} (without it, ${patch.why})`);
		this.name = 'PatchError';
		this.patch = patch.name;
		this.path = path;
	}
}

/**
 * Applies every edit of `patch` to `source` (the text of the file at `path`).
 * Throws a PatchError when an edit's text is missing or found more than once.
 */
export function applyPatch(patch, path, source) {
	for (const [index, [from]] of patch.edits.entries()) {
		const found = source.split(from).length - 1;
		if (found !== 1) {
			const anchor = from.trim().split('\n')[0].slice(0, 60);
			throw new PatchError(patch, path, `edit ${index + 1} of ${patch.edits.length} finds ${JSON.stringify(anchor)} ${found === 0 ? 'nowhere' : `${found} times`}`);
		}
	}
	return patch.edits.reduce((text, [from, to]) => text.replace(from, () => to), source);
}

/**
 * An esbuild plugin for one patch. A file that does not take the patch is
 * bundled as it is and reported through `failures`, so the caller can fail
 * the build with one line per patch (esbuild's own error would be a box of
 * several lines around a stack).
 */
export function patchPlugin(patch, failures) {
	return {
		name: patch.name,
		setup(build) {
			build.onLoad({filter: patch.filter}, args => {
				const source = readFileSync(args.path, 'utf8');
				try {
					return {contents: applyPatch(patch, args.path, source), loader: 'js'};
				} catch (error) {
					if (!(error instanceof PatchError)) throw error;
					failures.push(error);
					return {contents: source, loader: 'js'};
				}
			});
		},
	};
}

/**
 * Yoga's loader (Ink's layout engine) reads its inlined WebAssembly through
 * fetch() when fetch exists, which loads undici at every start (~25 ms) just to
 * decode a data: URL; its own base64 path does the same without it, and
 * decodes with Node's Buffer.
 */
export const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
	edits: [
		['function ya(){return w||"function"!=typeof fetch?', 'function ya(){return w||true?'],
		// That path decoded the base64 with atob, a character at a time in
		// JavaScript, then copied the result into bytes a character at a
		// time: about a millisecond of every start. Node's decoder is native.
		['var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c', 'var d=Buffer.from(a.slice(37),"base64")'],
	],
	why: 'its wasm loads through fetch again, or its base64 is decoded in JavaScript: a slower start',
};

/**
 * The bundle is CommonJS (scripts/bundle.mjs), which has no top-level await.
 * Ink's reconciler awaits at its top level only when DEV=true (React
 * devtools, and its own package.json for the devtools' label); Porthole has
 * neither, so both awaits go.
 */
export const inkNoTopLevelAwait = {
	name: 'ink-no-top-level-await',
	filter: /ink[\\/]build[\\/]reconciler\.js$/,
	edits: [
		["await import('./devtools.js');", 'void 0;'],
		['const loaded = await loadPackageJson();', 'const loaded = {};'],
	],
	why: 'the app cannot be bundled (top-level await in CommonJS)',
};

/**
 * signal-exit 3 (Ink's, and cli-cursor's through restore-cursor) loads
 * Node's assert as it loads, for one check of its argument; assert brings
 * its error class and util's colours with it, about 4 ms of every start.
 */
export const signalExitNoAssert = {
	name: 'signal-exit-no-assert',
	filter: /[\\/]signal-exit[\\/]index\.js$/,
	edits: [["  var assert = require('assert')\n", "  var assert = {equal: function (actual, expected, message) { if (actual != expected) throw new TypeError(message) }}\n"]],
	why: 'each start loads Node\'s assert, about 4 ms',
};

/**
 * esbuild's __toESM, run at every import of a CommonJS module (React's 90
 * imports, node:process's 23), made a new object with a getter for each of
 * its exports: about 4,500 properties defined at every start, 4 ms. One
 * object per module (and mode) serves every import; it is made again only
 * when the module has gained or lost exports since (a module still loading
 * in a cycle). Applied to the bundle esbuild writes, not to a dependency.
 */
export const esbuildToESMOnce = {
	name: 'esbuild-to-esm-once',
	filter: /\.c?js$/,
	edits: [[
		'var __toESM=(mod,isNodeMode,target)=>(target=mod!=null?__create(__getProtoOf(mod)):{},__copyProps(isNodeMode||!mod||!mod.__esModule?__defProp(target,"default",{value:mod,enumerable:!0}):target,mod))',
		'var __toESMOnce=new WeakMap,__toESM=(mod,isNodeMode,target)=>{if(mod==null||typeof mod!="object"&&typeof mod!="function")return target=mod!=null?__create(__getProtoOf(mod)):{},__copyProps(isNodeMode||!mod||!mod.__esModule?__defProp(target,"default",{value:mod,enumerable:!0}):target,mod);let once=__toESMOnce.get(mod);once||__toESMOnce.set(mod,once=[]);let keys=__getOwnPropNames(mod).length,made=once[isNodeMode?1:0];return made&&made.keys===keys?made.target:(target=__create(__getProtoOf(mod)),__copyProps(isNodeMode||!mod.__esModule?__defProp(target,"default",{value:mod,enumerable:!0}):target,mod),once[isNodeMode?1:0]={keys,target},target)}',
	]],
	why: 'every import of a CommonJS module copies its exports again, about 4 ms of each start',
};

/** Every patch the bundle applies. */
export const patches = [yogaWithoutFetch, inkFrameCaches, inkMouseReports, inkCellUpdate, inkSanitizeFastPath, inkTextWidth, ...lazySegmenters, modemLazyHttps, modemQuietDebug, dockerodeLazyTar, inkNoTopLevelAwait, signalExitNoAssert];
