import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {reduceAnsiCodesIncremental, styledCharsFromTokens, tokenize} from '@alcalzone/ansi-tokenize';
import {plainStyledChars, type AnsiCode, type Tokenizer} from '../../../source/format/styled-chars.js';

const tokenizer: Tokenizer = {tokenize, reduce: reduceAnsiCodesIncremental as Tokenizer['reduce']};
const defaultIgnorable = /^\p{Default_Ignorable_Code_Point}+$/u;

/** What Ink's output makes of a line: ansi-tokenize's characters, less default-ignorable ones. */
function inks(line: string) {
	return styledCharsFromTokens(tokenize(line)).filter(character => !defaultIgnorable.test(character.value));
}

const red = '\u001B[31m';
const bold = '\u001B[1m';
const dim = '\u001B[2m';
const reset = '\u001B[0m';

describe('plainStyledChars', () => {
	// [name, line, taken here (true) or left to Ink's way (false)]
	const cases: Array<[string, string, boolean]> = [
		['empty', '', true],
		['plain ASCII', 'bench-977e83-idle-000  running  0.0%', true],
		['one colour and its end', `${red}exited${'\u001B[39m'} (137)`, true],
		['a compound code split into its parts', `\u001B[1;31;42mALERT\u001B[22;39;49m ok`, true],
		['bold and dim kept together, 22 ending both', `${bold}b${dim}bd\u001B[22mx`, true],
		['a reset clears every style', `${bold}${red}hot${reset} cold`, true],
		['an empty SGR is a reset', `${red}a\u001B[mb`, true],
		['256 and true colour kept whole', `\u001B[38;5;208mo\u001B[48;2;1;2;3mt\u001B[39;49m`, true],
		['inverse, as a selected row', `\u001B[7m web  running \u001B[27m`, true],
		['sparkline blocks and braille', `${'\u001B[32m'}▁▂▃▄▅▆▇█ ⣿⡀⠀${'\u001B[39m'}`, true],
		['box drawing and shapes', '┌─┬─┐│└┘ ● ▲▼ ■□', true],
		['Latin-1 and punctuation', 'café · 6m … – « » ©', true],
		['arrows', '→ ← ↑ ↓', true],
		['a style left open at the end', `${red}open`, true],
		['a wide CJK character', 'name 日本', false],
		['an emoji', 'whale 🐳', false],
		['a combining accent', 'e\u0301', false],
		['a soft hyphen (default-ignorable)', 'soft\u00ADhyphen', false],
		['a zero-width space', 'a\u200Bb', false],
		['a wide geometric square', 'a\u25FDb', false],
		['a tab', 'a\tb', false],
		['a newline', 'a\nb', false],
		['a cursor move', 'a\u001B[2Kb', false],
		['an OSC hyperlink', '\u001B]8;;http://x\u0007link\u001B]8;;\u0007', false],
		['an ESC alone at the end', 'a\u001B', false],
		['an unterminated CSI', 'a\u001B[31', false],
		['DEL', 'a\u007Fb', false],
	];
	for (const [name, line, taken] of cases) {
		test(`${name}: ${taken ? 'the characters Ink makes' : 'left to Ink'}`, () => {
			const chars = plainStyledChars(line, tokenizer);
			if (!taken) {
				assert.equal(chars, undefined);
				return;
			}
			assert.deepEqual(chars, inks(line));
		});
	}

	test('every code point taken here is one narrow cell of its own, kept by Ink', () => {
		const taken: number[] = [];
		for (let code = 0; code <= 0xffff; code++) {
			if (code >= 0xd800 && code <= 0xdfff) continue;
			const text = String.fromCharCode(code);
			if (plainStyledChars(text, tokenizer) !== undefined) taken.push(code);
		}
		assert.ok(taken.length > 800, `only ${taken.length} code points taken`);
		for (const code of taken) {
			const text = `a${String.fromCharCode(code)}b`;
			assert.deepEqual(plainStyledChars(text, tokenizer), inks(text), `U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
		}
	});

	test('a run of one style shares one array, and nothing of one line is another line\'s', () => {
		const first = plainStyledChars(`${red}ab${reset}c`, tokenizer)!;
		assert.equal(first[0]!.styles, first[1]!.styles);
		assert.notEqual(first[1]!.styles, first[2]!.styles);
		const second = plainStyledChars(`${red}ab`, tokenizer)!;
		assert.notEqual(first[0], second[0]);
		assert.deepEqual(second[0]!.styles, [{type: 'ansi', code: red, endCode: '\u001B[39m'}] satisfies AnsiCode[]);
	});
});
