import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {stripColours, terminalCaps, type TerminalCaps} from '../../../source/cli/terminal-caps.js';

describe('terminalCaps: colour, characters and screen from the environment', () => {
	const all: TerminalCaps = {colour: true, unicode: true, altScreen: true};
	const cases: Array<[string, Record<string, string | undefined>, {noColor?: boolean; ascii?: boolean}, TerminalCaps]> = [
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
		['the config asks for ASCII under a UTF-8 locale', {LANG: 'en_US.UTF-8'}, {ascii: true}, {...all, unicode: false}],
		['the config keeps glyphs under LANG=C', {LANG: 'C'}, {ascii: false}, all],
		['TERM=dumb is ASCII whatever the config says', {TERM: 'dumb'}, {ascii: false}, {colour: false, unicode: false, altScreen: false}],
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

