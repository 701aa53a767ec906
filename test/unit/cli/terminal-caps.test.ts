import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {asciiGlyphs, stripColours, terminalCaps, type TerminalCaps} from '../../../source/cli/terminal-caps.js';

describe('terminalCaps: colour, characters and screen from the environment', () => {
	const all: TerminalCaps = {colour: true, unicode: true, altScreen: true};
	const cases: Array<[string, Record<string, string | undefined>, {noColor?: boolean}, TerminalCaps]> = [
		['a UTF-8 locale and a real terminal', {TERM: 'xterm-256color', LANG: 'en_US.UTF-8'}, {}, all],
		['utf8 spelt without the dash', {LANG: 'de_DE.utf8'}, {}, all],
		['no locale at all: assume UTF-8', {TERM: 'xterm'}, {}, all],
		['NO_COLOR=1', {NO_COLOR: '1', LANG: 'C.UTF-8'}, {}, {...all, colour: false}],
		['NO_COLOR empty does not count', {NO_COLOR: '', LANG: 'C.UTF-8'}, {}, all],
		['--no-color', {LANG: 'C.UTF-8'}, {noColor: true}, {...all, colour: false}],
		['LANG=C', {LANG: 'C'}, {}, {...all, unicode: false}],
		['LANG=POSIX', {LANG: 'POSIX'}, {}, {...all, unicode: false}],
		['a Latin-1 locale', {LANG: 'en_US.ISO-8859-1'}, {}, {...all, unicode: false}],
		['LC_ALL wins over LANG', {LC_ALL: 'C', LANG: 'en_US.UTF-8'}, {}, {...all, unicode: false}],
		['LC_ALL UTF-8 wins over LANG=C', {LC_ALL: 'en_US.UTF-8', LANG: 'C'}, {}, all],
		['LC_CTYPE before LANG', {LC_CTYPE: 'C', LANG: 'en_US.UTF-8'}, {}, {...all, unicode: false}],
		['an empty LC_ALL is skipped', {LC_ALL: '', LANG: 'C'}, {}, {...all, unicode: false}],
		['TERM=dumb: no colour, ASCII, no alternate screen', {TERM: 'dumb', LANG: 'en_US.UTF-8'}, {}, {colour: false, unicode: false, altScreen: false}],
	];
	for (const [name, env, options, expected] of cases) it(name, () => assert.deepEqual(terminalCaps(env, options), expected));
});

describe('stripColours keeps every attribute but colour', () => {
	const cases: Array<[string, string, string]> = [
		['a foreground colour', '\u001b[31mred\u001b[39m', 'red'],
		['bold and colour: bold stays', '\u001b[1;32mx\u001b[22;39m', '\u001b[1mx\u001b[22m'],
		['inverse stays', '\u001b[7mx\u001b[27m', '\u001b[7mx\u001b[27m'],
		['256 colours with their arguments', '\u001b[38;5;196;1mx', '\u001b[1mx'],
		['truecolour background', '\u001b[48;2;1;2;3mx\u001b[49m', 'x'],
		['bright colours', '\u001b[91;102mx', 'x'],
		['reset stays', '\u001b[0mx\u001b[m', '\u001b[0mx\u001b[m'],
		['other sequences untouched', '\u001b[2J\u001b[H', '\u001b[2J\u001b[H'],
	];
	for (const [name, input, expected] of cases) it(name, () => assert.equal(stripColours(input), expected));
});

describe('asciiGlyphs: braille, blocks and boxes as ASCII, one cell each', () => {
	const cases: Array<[string, string, string]> = [
		['box corners and lines', '┌──┐\n│ab│\n└──┘', '+--+\n|ab|\n+--+'],
		['rounded corners', '╭─╮', '+-+'],
		['sparkline blocks from low to high', '▁▂▃▄▅▆▇█', '__.--=+#'],
		['blank braille is a space, full is #', '\u2800\u28ff', ' #'],
		['one dot and a few', '\u2840\u28c0\u28e4', '..:'],
		['other text untouched', 'running · 5m ▲ …', 'running · 5m ▲ …'],
	];
	for (const [name, input, expected] of cases) {
		it(name, () => {
			const out = asciiGlyphs(input);
			assert.equal(out, expected);
			assert.equal(out.length, input.length, 'same number of cells');
		});
	}
});
