import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {buildLineKind, outputLines, outputMaxLineLength, outputMaxLines} from '../../../source/format/output-text.js';

describe('outputLines: a one-shot command\'s output made safe and bounded', () => {
	const cases: Array<{name: string; text: string; lines: string[]; truncated?: boolean}> = [
		{name: 'plain lines, trailing newline adds none', text: 'a\nb\n', lines: ['a', 'b']},
		{name: 'CR LF line ends', text: 'a\r\nb\r\n', lines: ['a', 'b']},
		{name: 'empty output', text: '', lines: []},
		{name: 'blank line kept inside', text: 'a\n\nb', lines: ['a', '', 'b']},
		{name: 'colours and cursor moves removed', text: '\u001b[31mred\u001b[0m \u001b[2Jx\u001b]0;title\u0007', lines: ['red x']},
		{name: 'control characters removed, bidi override removed', text: 'a\u0000b\u202ec', lines: ['abc']},
		{name: 'tabs expanded', text: 'a\tb', lines: ['a       b']},
	];
	for (const {name, text, lines, truncated = false} of cases) {
		it(name, () => assert.deepEqual(outputLines(text), {lines, truncated}));
	}

	it('a long line is cut with a marker', () => {
		const {lines} = outputLines('x'.repeat(1_000_000));
		assert.equal(lines.length, 1);
		assert.ok(lines[0]!.endsWith('… [line cut]'));
		assert.ok(lines[0]!.length <= outputMaxLineLength + 20);
	});

	it('too many lines: the first ones are kept and it says so', () => {
		const {lines, truncated} = outputLines(Array.from({length: outputMaxLines + 5}, (_, i) => `l${i}`).join('\n'));
		assert.equal(lines.length, outputMaxLines);
		assert.equal(lines[0], 'l0');
		assert.equal(truncated, true);
	});
});

describe('buildLineKind', () => {
	const cases: Array<[string, string]> = [
		['Step 2/4 : RUN echo hi', 'step'],
		['Step 12/30 : COPY . /app', 'step'],
		[' ---> Using cache', 'cache'],
		[' ---> Using cache ', 'cache'],
		[' ---> Running in 0123abcd', 'text'],
		['echo Step 2/4 : not at the start', 'text'],
		['Step 2 : no total', 'text'],
		['', 'text'],
	];
	for (const [line, kind] of cases) it(`"${line}" is ${kind}`, () => assert.equal(buildLineKind(line), kind));
});
