// The patches that keep Ink and its text libraries from making an
// Intl.Segmenter as they load (scripts/build-patches.mjs has how a patch
// applies and fails, and the list the build uses).
import {fileURLToPath} from 'node:url';

const graphemesPath = fileURLToPath(new URL('../source/format/graphemes.ts', import.meta.url));

/**
 * Ink and three of its dependencies each made an Intl.Segmenter as they
 * loaded, and the first one a process makes costs about 10 ms (ICU builds its
 * break rules). Theirs now come from source/format/graphemes.ts, which makes
 * one on first use, and only for text whose code points are not each a
 * cluster of their own: a first frame of names, figures and box lines needs
 * none. Slice-ansi asks its segments for `containing()`, so it gets the real
 * one, made when it first slices.
 */
function lazySegmenter(name, filter, declaration, replacement) {
	return {name, filter, edits: [[declaration, replacement]], why: 'each start waits about 10 ms for ICU\'s break rules before the first frame'};
}
const importLazySegmenter = local => `import {lazySegmenter as ${local}} from ${JSON.stringify(graphemesPath)};`;
export const lazySegmenters = [
	lazySegmenter('ansi-tokenize-lazy-segmenter', /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/, 'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });', importLazySegmenter('segmenter')),
	lazySegmenter('ink-line-update-lazy-segmenter', /ink[\\/]build[\\/]line-update\.js$/, "const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });", importLazySegmenter('segmenter')),
	lazySegmenter('wrap-ansi-lazy-segmenter', /[\\/]node_modules[\\/]wrap-ansi[\\/]index\.js$/, 'const segmenter = new Intl.Segmenter();', importLazySegmenter('segmenter')),
	lazySegmenter('slice-ansi-lazy-segmenter', /slice-ansi[\\/]tokenize-ansi\.js$/, "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});", `import {graphemeSegmenter} from ${JSON.stringify(graphemesPath)};
const GRAPHEME_SEGMENTER = {segment: text => graphemeSegmenter().segment(text)};`),
];
