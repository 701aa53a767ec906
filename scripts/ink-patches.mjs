// The build's edits to Ink (scripts/build-patches.mjs has how a patch
// applies and fails, and the list the build uses): how it turns a frame's
// text into cells and bytes, what input it passes on, and how it sizes text.
import {fileURLToPath} from 'node:url';

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
 * Ink asked Yoga for a text node's left and right padding and border (four
 * calls into WebAssembly) each time it drew the node, to find the width its
 * text may take. Ink's Text sets neither (only a Box has them), so a text
 * node whose style names no padding or border takes its whole width: four
 * of the seventeen Yoga calls per row of every frame, and the first frame's
 * calls are the slow ones.
 */
export const inkTextWidth = {
	name: 'ink-text-width',
	filter: /ink[\\/]build[\\/]render-node-to-output\.js$/,
	edits: [
		['            const maxWidth = getMaxWidth(yogaNode);', '            const maxWidth = hasInsets(node.style) ? getMaxWidth(yogaNode) : yogaNode.getComputedWidth();'],
		['// After nodes are laid out,', `const hasInsets = style => {
    for (const key in style) if (key.startsWith('padding') || key.startsWith('border')) return true;
    return false;
};
// After nodes are laid out,`],
	],
	why: 'every row of every frame makes four more calls into Yoga: more CPU, and a slower first frame',
};
