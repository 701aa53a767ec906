/**
 * ASCII stand-ins for the glyphs Porthole and Ink draw, for terminals
 * without them (LANG=C, the Linux console): each is one cell wide, as its
 * glyph is, so the layout does not move. Text from the engine passes as it is.
 */
const table: Record<string, string> = {
	// Box drawing (Ink's borders, rules, the logs' name bar).
	'─': '-', '━': '-', '═': '-', '│': '|', '┃': '|', '║': '|',
	'┌': '+', '┐': '+', '└': '+', '┘': '+', '╭': '+', '╮': '+', '╰': '+', '╯': '+',
	'├': '+', '┤': '+', '┬': '+', '┴': '+', '┼': '+',
	// Sparklines and bars, lowest to fullest.
	'▁': '_', '▂': '.', '▃': ',', '▄': '-', '▅': '~', '▆': '=', '▇': '*', '█': '#',
	'▏': '.', '▎': '.', '▍': '.', '▌': '-', '▋': '-', '▊': '=', '▉': '=',
	'░': '.', '▒': ':', '▓': '#',
	// Marks and punctuation.
	'▲': '^', '▼': 'v', '●': '*', '•': '*', '·': '.', '…': '~', '—': '-', '×': 'x',
	'»': '>', '›': '>', '◾': '#', '◽': '.',
};

/** A braille cell (the charts) as ASCII by how many of its 8 dots are set. */
function braille(code: number): string {
	let dots = code - 0x2800;
	let count = 0;
	for (; dots > 0; dots >>= 1) count += dots & 1;
	return count === 0 ? ' ' : count <= 2 ? '.' : count <= 4 ? ':' : '#';
}

// Escaped, so the bundle stays ASCII: one non-ASCII byte makes V8 hold the whole
// 3 MB source as a two-byte string and decode it the slow way at every start.
const glyph = /[\u2500-\u25ff\u2800-\u28ff\u00b7\u2026\u2014\u00d7\u00bb\u203a\u2022]/g;

/** `text` with every glyph above replaced by its ASCII stand-in. Escape sequences are ASCII and pass untouched. */
export function toAscii(text: string): string {
	return text.replace(glyph, char => table[char] ?? (char >= '\u2800' && char <= '\u28ff' ? braille(char.codePointAt(0)!) : char));
}

/** The `glyphs` setting: `auto` decides from the environment. */
export type GlyphMode = 'auto' | 'unicode' | 'ascii';

/**
 * Whether to draw in ASCII: forced by the setting, else when the locale in
 * force (LC_ALL, then LC_CTYPE, then LANG) is set and is not UTF-8 (`C`,
 * `POSIX`, `en_US.ISO-8859-1`), or on the Linux console (TERM=linux, whose
 * font has no braille). No locale at all is taken as UTF-8, as most terminals are.
 */
export function wantsAscii(mode: GlyphMode, env: NodeJS.ProcessEnv): boolean {
	if (mode !== 'auto') return mode === 'ascii';
	const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
	if (locale && !/utf-?8/i.test(locale)) return true;
	return env.TERM === 'linux';
}
