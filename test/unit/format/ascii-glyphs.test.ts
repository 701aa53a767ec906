import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {toAscii, wantsAscii} from '../../../source/format/ascii-glyphs.js';

describe('toAscii keeps the layout: one cell for one cell', () => {
	const cases: Array<[string, string]> = [
		['╭──╮\n│ab│\n╰──╯', '+--+\n|ab|\n+--+'],
		['NAME▲ CPU▼', 'NAME^ CPUv'],
		['▁▂▃▄▅▆▇█', '_.,-~=*#'],
		['running · 3m', 'running . 3m'],
		['porthole-test/b…', 'porthole-test/b~'],
		['● connected', '* connected'],
		['⠀⠁⠃⠇⡇⣿', ' ..::#'],
		['» marker', '> marker'],
		// Colour escapes and engine text pass untouched.
		['\u001b[32mé 日本\u001b[39m', '\u001b[32mé 日本\u001b[39m'],
	];
	for (const [input, expected] of cases) {
		test(JSON.stringify(input), () => {
			assert.equal(toAscii(input), expected);
			assert.equal([...toAscii(input)].length, [...input].length);
		});
	}
});

describe('wantsAscii', () => {
	const cases: Array<[Parameters<typeof wantsAscii>[0], NodeJS.ProcessEnv, boolean]> = [
		['ascii', {LANG: 'en_US.UTF-8'}, true],
		['unicode', {LANG: 'C', TERM: 'linux'}, false],
		['auto', {LANG: 'C'}, true],
		['auto', {LANG: 'POSIX'}, true],
		['auto', {LANG: 'en_US.ISO-8859-1'}, true],
		['auto', {LANG: 'en_US.UTF-8'}, false],
		['auto', {LANG: 'en_US.utf8'}, false],
		['auto', {LC_ALL: 'C', LANG: 'en_US.UTF-8'}, true],
		['auto', {LC_ALL: 'C.UTF-8', LANG: 'C'}, false],
		['auto', {LC_CTYPE: 'C', LANG: 'en_US.UTF-8'}, true],
		['auto', {TERM: 'linux'}, true],
		['auto', {}, false],
	];
	for (const [mode, env, expected] of cases) test(`${mode} ${JSON.stringify(env)}`, () => assert.equal(wantsAscii(mode, env), expected));
});
