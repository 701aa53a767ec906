/*
 * Ink draws a frame by splitting each line of text into styled characters
 * (@alcalzone/ansi-tokenize: tokenize, then styledCharsFromTokens), one
 * segment object, one token object, one character object and one copied
 * array of styles for every character, then a regular expression test of
 * each. A first frame of 45 rows of 160 columns is 7,200 characters: about
 * a quarter of Ink's output work and a megabyte of garbage. The bundle asks
 * here first (scripts/build-patches.mjs, ink-frame-caches): a line of
 * characters that are each one narrow cell, and colours written as
 * `ESC [ digits and semicolons m`, becomes the same characters in one pass,
 * each run of one style sharing one array (nothing changes a character's
 * styles once made: they are replaced whole). Anything else (wide or
 * combining characters, other escapes, controls) is left to Ink's way.
 */

/** An SGR code as ansi-tokenize holds it: the code and the code that ends it. */
export type AnsiCode = {type: 'ansi'; code: string; endCode: string};

/** A styled character as ansi-tokenize makes it. */
export type StyledChar = {type: 'char'; value: string; fullWidth: boolean; styles: AnsiCode[]};

/** ansi-tokenize's tokenize and reduceAnsiCodesIncremental, passed in so that the codes follow its rules exactly. */
export type Tokenizer = {
	tokenize(text: string): ReadonlyArray<{type: string}>;
	reduce(codes: AnsiCode[], added: AnsiCode[]): AnsiCode[];
};

/**
 * A code point drawn in one narrow cell, a grapheme cluster of its own, and
 * not default-ignorable: printable ASCII, Latin-1's printable letters and
 * signs but the soft hyphen, general punctuation without the zero-width and
 * direction marks, arrows, box drawing, blocks and braille, and the
 * geometric shapes but the two wide squares. The unit test checks each
 * against ansi-tokenize.
 */
function narrowOwnCell(code: number): boolean {
	if (code >= 0x20 && code < 0x7f) return true;
	if (code < 0xa0) return false;
	if (code <= 0xff) return code !== 0xad;
	return (code >= 0x2010 && code <= 0x2027) || (code >= 0x2030 && code <= 0x205e) || (code >= 0x2190 && code <= 0x21ff) || (code >= 0x2500 && code <= 0x25fc) || code === 0x25ff || (code >= 0x2800 && code <= 0x28ff);
}

/** Where `line`'s SGR sequence starting at `at` (ESC [) ends, after its `m`; -1 when it is not one. */
function sgrEnd(line: string, at: number): number {
	for (let index = at + 2; index < line.length; index++) {
		const code = line.charCodeAt(index);
		if (code === 0x6d) return index + 1;
		if (code !== 0x3b && (code < 0x30 || code > 0x39)) return -1;
	}
	return -1;
}

/** The codes of each SGR sequence seen, as ansi-tokenize splits them; a frame holds a few dozen. */
const sequenceCodes = new Map<string, AnsiCode[]>();
const sequenceLimit = 256;

function codesOf(sequence: string, tokenizer: Tokenizer): AnsiCode[] {
	let codes = sequenceCodes.get(sequence);
	if (codes === undefined) {
		codes = tokenizer.tokenize(sequence).filter((token): token is AnsiCode => token.type === 'ansi');
		if (sequenceCodes.size >= sequenceLimit) sequenceCodes.clear();
		sequenceCodes.set(sequence, codes);
	}
	return codes;
}

/**
 * `styledCharsFromTokens(tokenize(line))` less default-ignorable characters,
 * as Ink's output makes it, for a line of narrow characters and SGR colours;
 * undefined for any other line.
 */
export function plainStyledChars(line: string, tokenizer: Tokenizer): StyledChar[] | undefined {
	const chars: StyledChar[] = [];
	let styles: AnsiCode[] = [];
	let index = 0;
	while (index < line.length) {
		const code = line.charCodeAt(index);
		if (code === 0x1b && line.charCodeAt(index + 1) === 0x5b) {
			const end = sgrEnd(line, index);
			if (end < 0) return undefined;
			styles = tokenizer.reduce(styles, codesOf(line.slice(index, end), tokenizer));
			index = end;
			continue;
		}
		if (!narrowOwnCell(code)) return undefined;
		chars.push({type: 'char', value: line[index]!, fullWidth: false, styles});
		index++;
	}
	return chars;
}
