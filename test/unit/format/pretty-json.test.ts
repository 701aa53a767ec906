import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {maskText} from '../../../source/domain/secrets.js';
import {inspectLines} from '../../../source/format/inspect-view.js';
import {prettyJsonLines, matchingLines} from '../../../source/format/pretty-json.js';

const texts = (value: unknown) => prettyJsonLines(value).map(line => line.text);

describe('prettyJsonLines', () => {
	const cases: Array<{name: string; value: unknown; expected: string[]}> = [
		{name: 'scalar', value: 42, expected: ['42']},
		{name: 'empty containers', value: {a: [], b: {}}, expected: ['{', '  "a": [],', '  "b": {}', '}']},
		{name: 'nested', value: {Id: 'x', Args: ['1', true, null]}, expected: ['{', '  "Id": "x",', '  "Args": [', '    "1",', '    true,', '    null', '  ]', '}']},
		{name: 'pretty-prints like JSON.stringify(…, 2)', value: {State: {Running: true, Pid: 7}, Env: ['A=1']}, expected: JSON.stringify({State: {Running: true, Pid: 7}, Env: ['A=1']}, null, 2).split('\n')},
	];
	for (const {name, value, expected} of cases) it(name, () => assert.deepEqual(texts(value), expected));

	const hostile: Array<[string, string]> = [
		['ESC and clear screen', 'a\u001b[2Jb'],
		['OSC 52 clipboard', '\u001b]52;c;aGk=\u0007'],
		['C1 CSI', 'x\u009b31mred'],
		['bidi override', 'abc\u202edef'],
		['newline', 'one\ntwo'],
	];
	for (const [name, text] of hostile) {
		it(`sanitises keys and strings: ${name}`, () => {
			for (const line of prettyJsonLines({[text]: text, list: [text]})) {
				assert.doesNotMatch(line.text, /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u, JSON.stringify(line.text));
			}
		});
	}

	it('marks masked strings and colours tokens by kind', () => {
		const [, line] = prettyJsonLines({Env: [`PASSWORD=${maskText}`]}, maskText).slice(1);
		assert.ok(line);
		const kinds = prettyJsonLines({a: 1, b: 'x', c: false, d: null}).flatMap(l => l.tokens.map(t => t.kind));
		assert.deepEqual([...new Set(kinds)].sort(), ['boolean', 'key', 'null', 'number', 'punctuation', 'string']);
		assert.ok(prettyJsonLines({Env: [`PASSWORD=${maskText}`]}, maskText).some(l => l.tokens.some(t => t.kind === 'masked')));
	});

	it('cuts huge strings', () => {
		const [line] = prettyJsonLines('x'.repeat(10000));
		assert.ok(line && line.text.length < 2100);
	});
});

describe('matchingLines and inspectLines', () => {
	const document = {Config: {Env: ['DB_PASSWORD=hunter2', 'PLAIN=visible']}};
	it('finds lines case-insensitively', () => {
		const {lines} = inspectLines(document, true);
		assert.deepEqual(matchingLines(lines, 'plain').map(i => lines[i]?.text.trim()), ['"PLAIN=visible"']);
		assert.deepEqual(matchingLines(lines, ''), []);
	});
	it('masks unless revealed, and searching the masked view cannot find the secret', () => {
		const masked = inspectLines(document, false);
		assert.equal(masked.masked, 1);
		assert.equal(matchingLines(masked.lines, 'hunter2').length, 0);
		assert.equal(matchingLines(inspectLines(document, true).lines, 'hunter2').length, 1);
	});
	it('is memoized per document', () => {
		assert.equal(inspectLines(document, false), inspectLines(document, false));
	});
});
