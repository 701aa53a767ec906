import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {Screen} from '../../bench/screen.js';

const feed = (screen: Screen, ...chunks: string[]) => {
	for (const chunk of chunks) screen.write(new TextEncoder().encode(chunk));
	return screen.lines();
};

describe('bench screen emulator', () => {
	const cases: Array<[string, string[], string[]]> = [
		['plain lines', ['ab\r\ncd'], ['ab', 'cd', '']],
		['colours are ignored', ['\u001B[31mred\u001B[39m'], ['red', '', '']],
		['cursor up and erase line', ['one\r\ntwo\u001B[1A\r\u001B[2Kuno'], ['uno', 'two', '']],
		['an escape split across chunks', ['x\u001B[', '2K\u001B[Gy'], ['y', '', '']],
		['column and partial erase', ['abcdef\u001B[3G\u001B[KZ'], ['abZ', '', '']],
		['cursor position', ['\u001B[2;3Hq'], ['', '  q', '']],
		['alternate screen clears', ['junk\u001B[?1049hnew'], ['new', '', '']],
	];
	for (const [name, chunks, expected] of cases) {
		it(name, () => assert.deepEqual(feed(new Screen(10, 3), ...chunks), expected));
	}

	it('decodes a UTF-8 character split across chunks', () => {
		const screen = new Screen(10, 1);
		screen.write(Uint8Array.of(0xC3));
		screen.write(Uint8Array.of(0xA9));
		assert.deepEqual(screen.lines(), ['é']);
	});

	it('counts a scroll when output runs past the last line', () => {
		const screen = new Screen(10, 2);
		feed(screen, 'a\r\nb');
		assert.equal(screen.scrolls, 0);
		feed(screen, '\r\nc');
		assert.equal(screen.scrolls, 1);
		assert.deepEqual(screen.lines(), ['b', 'c']);
	});

	it('wraps at the last column only when more text follows', () => {
		const screen = new Screen(3, 2);
		assert.deepEqual(feed(screen, 'abc'), ['abc', '']);
		assert.deepEqual(feed(screen, 'd'), ['abc', 'd']);
	});
});
