import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {sanitizeAnsi, sanitizeText, stripAnsi} from '../../../source/format/sanitize.js';
import {hostileCorpus} from '../../fixtures/hostile/corpus.js';

const ESC = '\u001b';
const RESET = `${ESC}[0m`;
const SGR = /\u001b\[[0-9;:]*m/g;
// C0 (all of it, tab and newline included), DEL, C1, bidi controls, lone surrogates.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('sanitizeText', () => {
	const cases: Array<[string, string, string]> = [
		['plain text is unchanged', 'web-1', 'web-1'],
		['empty', '', ''],
		['SGR is removed', `${ESC}[1;31mred${ESC}[0m`, 'red'],
		['CSI is removed', `a${ESC}[2J${ESC}[10;10Hb`, 'ab'],
		['OSC with BEL', `${ESC}]0;title${'\u0007'}name`, 'name'],
		['OSC with ST', `${ESC}]2;title${ESC}\\name`, 'name'],
		['DCS up to ST', `${ESC}Pdata${ESC}\\x`, 'x'],
		['two-char ESC', `${ESC}cx${ESC}7y`, 'xy'],
		['8-bit CSI and OSC', 'a\u009b2Jb\u009d0;t\u0007c', 'abc'],
		['C1 controls', 'a\u0080\u0085\u0084\u009ab', 'ab'],
		['8-bit APC up to 8-bit ST', 'a\u009fhidden\u009cb', 'ab'],
		['newline becomes a space', 'a\nb', 'a b'],
		['tab becomes a space', 'a\tb', 'a b'],
		['CR becomes a space', 'a\rb', 'a b'],
		['a run of CR LF TAB is one space', 'a\r\n\t\nb', 'a b'],
		['other C0 and DEL are removed', 'a\u0000\u0007\b\u007fb', 'ab'],
		['bidi override removed', 'abc\u202Etxt.exe', 'abctxt.exe'],
		['bidi isolates removed', '\u2066a\u2069', 'a'],
		['lone surrogate becomes U+FFFD', 'x\udfffy', 'x\ufffdy'],
		['wide and astral characters kept', '日本 🐳', '日本 🐳'],
	];
	for (const [name, input, expected] of cases) {
		test(name, () => {
			assert.equal(sanitizeText(input), expected);
		});
	}
});

describe('sanitizeAnsi', () => {
	const cases: Array<[string, string, string]> = [
		['plain text is unchanged', 'hello', 'hello'],
		['reset colour kept, no reset added', `${ESC}[31mred${ESC}[0m`, `${ESC}[31mred${ESC}[0m`],
		['ESC[m counts as reset', `${ESC}[32mg${ESC}[m`, `${ESC}[32mg${ESC}[m`],
		['unreset colour gets a reset', `${ESC}[31mred`, `${ESC}[31mred${RESET}`],
		['reset then colour is not reset', `${ESC}[0;1mbold`, `${ESC}[0;1mbold${RESET}`],
		['colour then reset in one SGR is reset', `${ESC}[1m${ESC}[31;0mx`, `${ESC}[1m${ESC}[31;0mx`],
		['256 colour index 0 is not a reset', `${ESC}[38;5;0mx`, `${ESC}[38;5;0mx${RESET}`],
		['truecolor kept', `${ESC}[38;2;1;0;0mx`, `${ESC}[38;2;1;0;0mx${RESET}`],
		['colon sub-parameters kept', `${ESC}[4:3mx`, `${ESC}[4:3mx${RESET}`],
		['conceal dropped alone', `${ESC}[8mx`, 'x'],
		['conceal dropped from a list', `${ESC}[1;8;31mx`, `${ESC}[1;31mx${RESET}`],
		['SGR with private marker dropped', `${ESC}[?1mx`, 'x'],
		['overlong SGR dropped', `${ESC}[${'1;'.repeat(100)}mx`, 'x'],
		['cursor moves dropped, colour kept', `${ESC}[H${ESC}[33my${ESC}[0m`, `${ESC}[33my${ESC}[0m`],
		['OSC 8 keeps link text', `${ESC}]8;;http://x${ESC}\\link${ESC}]8;;${ESC}\\`, 'link'],
		['tab to the next multiple of 8', 'ab\tc', 'ab      c'],
		['tab at a tab stop is 8 spaces', '12345678\tc', '12345678        c'],
		['SGR does not count for tabs', `${ESC}[31mab${ESC}[0m\tc`, `${ESC}[31mab${ESC}[0m      c`],
		['two tabs', '\t\tx', `${' '.repeat(16)}x`],
		['wide characters count twice for tabs', '日\tx', `日${' '.repeat(6)}x`],
		['tabs far into a long line are one space', `${'x'.repeat(5000)}\ty`, `${'x'.repeat(5000)} y`],
		['tabs within the bound still align', `${'x'.repeat(4090)}\ty`, `${'x'.repeat(4090)}${' '.repeat(6)}y`],
		['bare CR dropped, both parts stay', 'safe\rEVIL', 'safeEVIL'],
		['backspace dropped', 'ab\bc', 'abc'],
		['newline becomes a space', 'a\nb', 'a b'],
		['unterminated OSC runs to end of line', `ok${ESC}]0;title`, 'ok'],
		['ESC inside DCS ends it', `${ESC}Pxx${ESC}[32mg`, `${ESC}[32mg${RESET}`],
	];
	for (const [name, input, expected] of cases) {
		test(name, () => {
			assert.equal(sanitizeAnsi(input), expected);
		});
	}
});

describe('stripAnsi', () => {
	const cases: Array<[string, string, string]> = [
		['removes colour', `${ESC}[31mred${ESC}[0m`, 'red'],
		['removes 256 colour', `${ESC}[38;5;196mhot`, 'hot'],
		['expands tabs like sanitizeAnsi', `${ESC}[1ma${ESC}[0m\tb`, 'a       b'],
		['drops CR', 'a\rb', 'ab'],
		['removes OSC and CSI', `${ESC}]0;t${'\u0007'}${ESC}[2Jx`, 'x'],
	];
	for (const [name, input, expected] of cases) {
		test(name, () => {
			assert.equal(stripAnsi(input), expected);
		});
	}
});

describe('hostile corpus', () => {
	for (const item of hostileCorpus) {
		test(item.name, () => {
			const safe = sanitizeAnsi(item.input);
			const withoutSgr = safe.replace(SGR, '');
			assert.ok(!withoutSgr.includes(ESC), 'only complete SGR sequences may carry ESC');
			assert.doesNotMatch(withoutSgr, FORBIDDEN);
			if (item.hasColour === true) {
				assert.match(safe, SGR, 'colour must be preserved');
			}

			const sgrs = safe.match(SGR) ?? [];
			const last = sgrs.at(-1);
			if (last !== undefined) {
				assert.ok(safe.endsWith(RESET) || /^\u001b\[[0;]*m$/.test(last), 'colour must not bleed into the next line');
			}

			const text = sanitizeText(item.input);
			assert.ok(!text.includes(ESC));
			assert.doesNotMatch(text, FORBIDDEN);

			const plain = stripAnsi(item.input);
			assert.ok(!plain.includes(ESC));
			assert.doesNotMatch(plain, FORBIDDEN);
			if (item.expectedText !== undefined) {
				assert.equal(plain, item.expectedText);
			}

			assert.equal(stripAnsi(safe), plain, 'stripAnsi(sanitizeAnsi(x)) === stripAnsi(x)');
			assert.equal(withoutSgr, plain, 'sanitizeAnsi differs from stripAnsi only by SGR');
			assert.equal(sanitizeAnsi(safe), safe, 'sanitizeAnsi is idempotent');
			assert.equal(sanitizeText(text), text, 'sanitizeText is idempotent');
		});
	}
});

/** A small deterministic generator, so the garbage is the same on every run. */
function garbage(length: number, alphabet: string): string {
	let seed = 42;
	const chars: string[] = [];
	for (let k = 0; k < length; k++) {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		chars.push(alphabet[seed % alphabet.length]!);
	}

	return chars.join('');
}

describe('hang guard: 1 MB inputs finish in linear time', () => {
	const mb = 1 << 20;
	const inputs: Array<[string, string]> = [
		['random escape garbage', garbage(mb, `${ESC}${ESC}[];?0123456789mHP\\\u0007\u009b\u009d\u009c\t\r\b\u202e\ud800a日`)],
		['unterminated OSC', `${ESC}]0;${'A'.repeat(mb)}`],
		['unterminated DCS', `${ESC}P${'q'.repeat(mb)}`],
		['unterminated CSI parameters', `${ESC}[${'1;'.repeat(mb / 2)}`],
		['repeated OSC openers', `${ESC}]`.repeat(mb / 2)],
		['repeated CSI openers', `${ESC}[`.repeat(mb / 2)],
		['1 MB of SGR', `${ESC}[31m`.repeat(mb / 5)],
		['1 MB of tabs and wide text', '日\t'.repeat(mb / 2)],
	];
	for (const [name, input] of inputs) {
		test(name, () => {
			for (const run of [sanitizeAnsi, sanitizeText, stripAnsi]) {
				const started = performance.now();
				const output = run(input);
				const elapsed = performance.now() - started;
				assert.ok(elapsed < 2000, `${run.name} took ${Math.round(elapsed)} ms`);
				assert.ok(!output.replace(SGR, '').includes(ESC));
			}
		});
	}

	test('an oversized unterminated OSC is removed up to the bound, then shown as text', () => {
		const output = sanitizeAnsi(`${ESC}]0;${'A'.repeat(mb)}`);
		assert.match(output, /^A+$/);
		assert.ok(output.length < mb && output.length > mb - 8192);
	});
});
