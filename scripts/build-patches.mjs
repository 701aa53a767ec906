// Edits to pinned dependencies, made as they are bundled. Each edit must find
// its text exactly once; when a dependency update moved that text, the build
// fails (naming the patch and the file) rather than silently bundling the
// slower original: the performance work must not come undone unnoticed.
import {readFileSync} from 'node:fs';

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
 * decode a data: URL; its own base64 path does the same without it.
 */
export const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
	edits: [['function ya(){return w||"function"!=typeof fetch?', 'function ya(){return w||true?']],
	why: 'its wasm loads through fetch again: a slower start',
};

/**
 * Ink rebuilds every frame cell by cell, splitting each line into styled
 * characters through a cache that it makes anew for every frame; most lines
 * are the same as the frame before. The cache now also looks in the previous
 * frame's (and only that one: two frames at most are held). It also compiled
 * a regular expression per character, and made a new object for every blank
 * cell of every frame; now once.
 */
export const inkFrameCaches = {
	name: 'ink-frame-caches',
	filter: /ink[\\/]build[\\/]output\.js$/,
	edits: [
		['class OutputCaches {', `const defaultIgnorable = /^\\p{Default_Ignorable_Code_Point}+$/u;
let lastCaches;
function frameCaches() {
    const fresh = new OutputCaches();
    if (lastCaches) {
        lastCaches.previous = undefined;
        fresh.previous = lastCaches;
    }
    lastCaches = fresh;
    return fresh;
}
class OutputCaches {`],
		[`        let cached = this.styledChars.get(line);
        if (cached === undefined) {`, `        let cached = this.styledChars.get(line) ?? this.previous?.styledChars.get(line);
        if (cached !== undefined) this.styledChars.set(line, cached);
        if (cached === undefined) {`],
		['!/^\\p{Default_Ignorable_Code_Point}+$/u.test(character.value)', '!defaultIgnorable.test(character.value)'],
		['caches = new OutputCaches();', 'caches = frameCaches();'],
		// Every empty cell of every frame was a new object; cells are only ever
		// replaced, never changed, so one frozen blank serves them all.
		[`                row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`, '                row.push(blankCharacter);'],
		['export default class Output {', `const blankCharacter = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([])});
export default class Output {`],
	],
	why: 'every frame is split into characters afresh: more CPU',
};

/** Every patch the bundle applies. */
export const patches = [yogaWithoutFetch, inkFrameCaches];

/**
 * The single executable's bundle is CommonJS, which has no top-level await.
 * Ink's reconciler awaits at its top level only when DEV=true (React
 * devtools, and its own package.json for the devtools' label); the
 * executable has neither, so both awaits go.
 */
export const inkNoTopLevelAwait = {
	name: 'ink-no-top-level-await',
	filter: /ink[\\/]build[\\/]reconciler\.js$/,
	edits: [
		["await import('./devtools.js');", 'void 0;'],
		['const loaded = await loadPackageJson();', 'const loaded = {};'],
	],
	why: 'the single executable cannot be bundled (top-level await in CommonJS)',
};

/** The patches of the single executable's bundle only. */
export const seaPatches = [inkNoTopLevelAwait];
