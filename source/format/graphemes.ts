/*
 * Grapheme clusters, as Intl.Segmenter finds them, without making one where
 * it is not needed. The first Segmenter of a process costs about 10 ms (ICU
 * builds its break rules), and Ink, its dependencies and our own text code
 * each made one as they loaded, on the way to the first frame. Most text
 * drawn (names, figures, box lines, sparklines) is code points that are
 * each a cluster of their own, and is split by code unit instead.
 */

/**
 * Text each of whose code points is its own cluster under Unicode's rules
 * (UAX #29): controls but CR, Latin up to the combining marks, and the
 * punctuation, arrows, technical symbols, box drawing, blocks, shapes,
 * dingbats and braille a terminal UI draws. Nothing here extends, joins,
 * prepends, pairs (regional indicators, Hangul) or is a surrogate.
 */
const ownClusters = /^[\0-\x0c\x0e-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u23ff\u2500-\u27bf\u2800-\u28ff]*$/;

let segmenter: Intl.Segmenter | undefined;

/** The one Segmenter (graphemes, the default locale), made on first use. */
export function graphemeSegmenter(): Intl.Segmenter {
	segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	return segmenter;
}

/** The clusters of `text` with their offsets, as `Intl.Segmenter#segment` yields them. */
export function graphemes(text: string): Iterable<{segment: string; index: number}> {
	return ownClusters.test(text) ? codeUnits(text) : graphemeSegmenter().segment(text);
}

function* codeUnits(text: string): Generator<{segment: string; index: number}> {
	for (let index = 0; index < text.length; index++) yield {segment: text[index]!, index};
}

/**
 * A stand-in for a module's own `new Intl.Segmenter()` (build patches put it
 * in Ink's and its dependencies' place): `segment()` iterates as theirs did.
 */
export const lazySegmenter = {segment: graphemes};
