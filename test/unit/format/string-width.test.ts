import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import realStringWidth from 'string-width';
import stringWidth from '../../../source/format/string-width.js';

/** Strings where a fast path could go wrong: wide, zero-width, emoji, clusters, escapes. */
const corpus = [
	'',
	'plain ascii',
	'running · 5m   ▁▂▃▄▅▆▇█  ⣿⣀⠉  NAME▼  │ ├─┤ ●',
	'exited (137) · <1m ago…',
	'café naïve ©®±',
	'soft\u00ADhyphen',
	'e\u0301 combining',
	'zero\u200Bwidth',
	'日本語のテキスト',
	'한국어 가',
	'emoji 😀 👩‍👩‍👧 🇫🇷',
	'squares ◽◾ ◻◼',
	'keycap 1\u20E3',
	'\u001B[32mgreen\u001B[0m ▁▂ \u001B[1;31mbold red\u001B[0m',
	'\u001B]0;title\u0007after',
	'tab\there',
	'x'.repeat(2000),
	'▁'.repeat(1500),
];

describe('stringWidth (cached, with a fast path)', () => {
	test('agrees with string-width on every string of the corpus, twice (cold and cached)', () => {
		for (let round = 0; round < 2; round++) {
			for (const text of corpus) {
				assert.equal(stringWidth(text), realStringWidth(text), JSON.stringify(text));
				assert.equal(stringWidth(text, {countAnsiEscapeCodes: true}), realStringWidth(text, {countAnsiEscapeCodes: true}), `counting escapes: ${JSON.stringify(text)}`);
				assert.equal(stringWidth(text, {ambiguousIsNarrow: false}), realStringWidth(text, {ambiguousIsNarrow: false}), `ambiguous wide: ${JSON.stringify(text)}`);
			}
		}
	});

	test('agrees on every character of the fast-path ranges, one at a time and in a row', () => {
		const ranges: Array<[number, number]> = [[0x20, 0x7E], [0xA0, 0xFF], [0x2010, 0x2027], [0x2190, 0x21FF], [0x2500, 0x25FF], [0x2800, 0x28FF]];
		for (const [from, to] of ranges) {
			let row = '';
			for (let code = from; code <= to; code++) {
				const char = String.fromCodePoint(code);
				row += char;
				assert.equal(stringWidth(char), realStringWidth(char), `U+${code.toString(16).toUpperCase()}`);
			}
			assert.equal(stringWidth(row), realStringWidth(row), `U+${from.toString(16)}..U+${to.toString(16)}`);
		}
	});

	test('keeps answering correctly past the cache size', () => {
		for (let index = 0; index < 5000; index++) assert.equal(stringWidth(`row ${index} ▁`), `row ${index} ▁`.length);
	});
});
