// Edits to pinned dependencies, made as they are bundled. Each edit must find
// its text exactly once; when a dependency update moved that text, the build
// fails (naming the patch and the file) rather than silently bundling the
// slower original: the performance work must not come undone unnoticed.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {dockerodeLazyTar, modemLazyHttps, modemQuietDebug} from './engine-patches.mjs';
import {lazySegmenters} from './segmenter-patches.mjs';

export {dockerodeLazyTar, lazySegmenters, modemLazyHttps, modemQuietDebug};

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

const styledCharsPath = fileURLToPath(new URL('../source/format/styled-chars.ts', import.meta.url));

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
		['class OutputCaches {', `import {reduceAnsiCodesIncremental} from '@alcalzone/ansi-tokenize';
import {plainStyledChars} from ${JSON.stringify(styledCharsPath)};
const plainTokenizer = {tokenize, reduce: reduceAnsiCodesIncremental};
const defaultIgnorable = /^\\p{Default_Ignorable_Code_Point}+$/u;
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
		// A line of narrow characters and colours (nearly every row) becomes
		// its characters in one pass, without a token and a copied array of
		// styles per character (source/format/styled-chars.ts).
		['            cached = styledCharsFromTokens(tokenize(line)).filter(character => !/^\\p{Default_Ignorable_Code_Point}+$/u.test(character.value));', '            cached = plainStyledChars(line, plainTokenizer) ?? styledCharsFromTokens(tokenize(line)).filter(character => !defaultIgnorable.test(character.value));'],
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
		// A write's text became its lines of styled strings afresh at every
		// frame; now once per text (kept from the frame before, like its
		// characters). Nothing changes the array: the clipping below replaces it.
		['    getStringWidth(text) {', `    lines = new Map();
    getLines(text) {
        let cached = this.lines.get(text) ?? this.previous?.lines.get(text);
        if (cached === undefined) {
            const characterLines = [[]];
            for (const character of this.getStyledChars(text)) {
                if (character.value === '\\n') {
                    characterLines.push([]);
                }
                else {
                    characterLines.at(-1).push(character);
                }
            }
            cached = characterLines.map(line => styledCharsToString(line));
        }
        this.lines.set(text, cached);
        return cached;
    }
    getStringWidth(text) {`],
		// A one-line write (a table row, a title, a figure: all but a few) is
		// its own line. It was split into characters and joined again, then
		// tokenised once more after its transform (the Text's colour,
		// inverse): two tokenisings of every changed row, a third of the first
		// render. Now only the second; the test holds frames to Ink's own.
		[`        const characterLines = [[]];
        for (const character of this.caches.getStyledChars(text)) {
            if (character.value === '\\n') {
                characterLines.push([]);
            }
            else {
                characterLines.at(-1).push(character);
            }
        }
        let lines = characterLines.map(line => styledCharsToString(line));`, "        let lines = text.includes('\\n') ? this.caches.getLines(text) : [text];"],
		// An iterator and an entry array per line of every write, every frame.
		['        for (let [index, line] of lines.entries()) {', '        for (let index = 0; index < lines.length; index++) {\n            let line = lines[index];'],
		// Every row of every frame was turned back into a styled string (most of
		// the memory a frame allocated). Cells are shared objects that are only
		// ever replaced, so a row whose cells are the very ones of the frame
		// before is the same text: it is reused, and only changed rows are built.
		[`        const generatedOutput = output
            .map(line => {
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            return styledCharsToString(lineWithoutEmptyItems).trimEnd();
        })`, `        const previousRows = this.caches.previous?.rows;
        const rows = [];
        this.caches.rows = rows;
        const generatedOutput = output
            .map((line, y) => {
            const previous = previousRows?.[y];
            if (previous !== undefined && sameCells(previous.cells, line)) {
                rows.push(previous);
                return previous.text;
            }
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            const text = styledCharsToString(lineWithoutEmptyItems).trimEnd();
            rows.push({cells: line, text});
            return text;
        })`],
		['// An undefined bound means', `function sameCells(a, b) {
    if (a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
    return true;
}
// An undefined bound means`],
	],
	why: 'every frame is split into characters afresh: more CPU',
};

const cellUpdatePath = fileURLToPath(new URL('../source/format/cell-update.ts', import.meta.url));

/**
 * Ink repaints a changed line from its first changed column to the end, so a
 * row whose CPU figure moved resent the rest of the row too. Its line update
 * now asks source/format/cell-update.ts first, which writes only the cells
 * that changed, and falls back to Ink's for lines it cannot take cell by cell.
 * Unchanged lines are passed over with one cursor move per run of them.
 */
export const inkCellUpdate = {
	name: 'ink-cell-update',
	filter: /ink[\\/]build[\\/]log-update\.js$/,
	edits: [
		["import lineUpdate from './line-update.js';", `import inkLineUpdate from './line-update.js';
import {cellUpdate} from ${JSON.stringify(cellUpdatePath)};
const lineUpdate = (previous, next, columns) => cellUpdate(previous, next, columns) ?? inkLineUpdate(previous, next, columns);`],
		// A run of unchanged lines is passed with one cursor move (CNL with a
		// count), not one per line.
		['        const buffer = [];', '        const buffer = [];\n        let skipped = 0;\n        const passSkipped = () => { if (skipped > 0) buffer.push(skipped === 1 ? ansiEscapes.cursorNextLine : `\\u001B[${skipped}E`); skipped = 0; };'],
		['                    buffer.push(ansiEscapes.cursorNextLine);', '                    skipped++;'],
		['            buffer.push(changedLine +', '            passSkipped();\n            buffer.push(changedLine +'],
		['        buffer.push(cursorSuffix);', '        passSkipped();\n        buffer.push(cursorSuffix);'],
	],
	why: 'a changed row is resent from its first change to its end, and every unchanged line costs a cursor move: more bytes to the terminal',
};

/**
 * Ink drops a mouse report (an SGR `ESC [ < b ; x ; y M`) before useInput,
 * as input no key stands for. With `mouse: true` we want it: it goes out as
 * a 'mouse' event on Ink's input emitter (hooks/use-key-dispatch.ts listens).
 */
export const inkMouseReports = {
	name: 'ink-mouse-reports',
	filter: /ink[\\/]build[\\/]components[\\/]App\.js$/,
	edits: [['                if (isCompleteControlSequence(event)) {', `                if (/^\\u001b\\[<\\d+;\\d+;\\d+[Mm]$/.test(event)) {
                    eventEmitterRef.current.emit('mouse', event);
                    return;
                }
                if (isCompleteControlSequence(event)) {`]],
	why: 'clicks and the wheel do nothing with mouse: true',
};

/**
 * Ink sanitises every text node each time it measures or draws it: a walk of
 * the text a character at a time looking for controls, then a tokenizer that
 * rebuilds any text with a colour in it. A quarter of the first frame. Text
 * that is already what it would return (no controls but tab and newline;
 * colours written as ESC [ digits and semicolons m, none before a combining
 * mark, which it would move) now comes back at once, unchanged, as before.
 */
export const inkSanitizeFastPath = {
	name: 'ink-sanitize-fast-path',
	filter: /ink[\\/]build[\\/]sanitize-ansi\.js$/,
	edits: [['const sanitizeAnsi = (text) => {\n', `const plainOrSimpleSgr = /^(?:[^\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f]|\\x1b\\[[\\d;]*m)*$/;
const sgrBeforeMark = /\\x1b\\[[\\d;]*m\\p{Mark}/u;
const sanitizeAnsi = (text) => {
    if (plainOrSimpleSgr.test(text) && !(text.includes('\\x1b') && sgrBeforeMark.test(text))) {
        return text;
    }
`]],
	why: 'every text node is tokenised on every frame: more CPU, and a slower first frame',
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
export const patches = [yogaWithoutFetch, inkFrameCaches, inkMouseReports, inkCellUpdate, inkSanitizeFastPath, ...lazySegmenters, modemLazyHttps, modemQuietDebug, dockerodeLazyTar, inkNoTopLevelAwait, signalExitNoAssert];
