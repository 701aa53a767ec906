import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {graphemes} from '../../../source/format/graphemes.js';

/** What Intl.Segmenter itself makes of `text`. */
function reference(text: string): Array<{segment: string; index: number}> {
	return [...new Intl.Segmenter(undefined, {granularity: 'grapheme'}).segment(text)].map(({segment, index}) => ({segment, index}));
}

describe('graphemes', () => {
	// Each with the path it is expected to take: split by code unit, or by the Segmenter.
	const cases: Array<[string, string]> = [
		['empty', ''],
		['printable ASCII', 'bench-977e83-idle-000  running'],
		['SGR colours and a bell', '\u001B[32mrunning\u001B[39m \u0007'],
		['line feed and tab', 'a\tb\nc'],
		['Latin-1 and extended Latin', 'café ñandú ǅ'],
		['status glyphs', '● running · 6m … ▲▼'],
		['sparkline blocks and braille', '▁▂▃▄▅▆▇█ ⣿⡀⠀'],
		['box drawing', '┌─┬─┐│└┘'],
		['arrows and technical symbols', '→ ← ↑ ↓ ⏎ ⌘'],
		['CR LF is one cluster', 'line\r\nnext'],
		['a combining accent joins its base', 'e\u0301 and a\u0308'],
		['a zero-width joiner sequence', '👩\u200D💻 dev'],
		['a variation selector', '✔\uFE0F done'],
		['regional indicators pair into flags', '🇩🇪🇫🇷'],
		['Hangul jamo make one syllable', '\u1100\u1161\u11A8'],
		['CJK and emoji (surrogates)', '日本 🐳'],
		['a lone surrogate', 'a\uD800b'],
		['Devanagari with a spacing mark', 'नमस्ते'],
	];
	for (const [name, text] of cases) {
		test(`${name}: the clusters and offsets Intl.Segmenter gives`, () => {
			assert.deepEqual([...graphemes(text)].map(({segment, index}) => ({segment, index})), reference(text));
		});
	}

	// Every code point of the ranges split by code unit, alone and after each
	// other kind of character: none may join its neighbour.
	test('every code point split by code unit is a cluster of its own, whatever follows it', () => {
		const ranges: Array<[number, number]> = [[0x0, 0x0C], [0x0E, 0x2FF], [0x2010, 0x2027], [0x2030, 0x205E], [0x2190, 0x23FF], [0x2500, 0x27BF], [0x2800, 0x28FF]];
		let text = '';
		for (const [from, to] of ranges) for (let code = from; code <= to; code++) text += String.fromCharCode(code);
		assert.equal([...graphemes(text)].length, text.length);
		assert.deepEqual([...graphemes(text)].map(({segment}) => segment), reference(text).map(({segment}) => segment));
	});
});
