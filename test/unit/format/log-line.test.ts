import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {formatLogTime, formatRange, highlightSegments, rfc3339Nano, savedViewLine, toLogLine} from '../../../source/format/log-line.js';
import {hostileCorpus} from '../../fixtures/hostile/corpus.js';

/** Every escape sequence left in `text` is an SGR (ESC [ digits ; : m); no other control character remains. */
function inert(text: string): boolean {
	const withoutSgr = text.replace(/\u001b\[[0-9;:]*m/g, '');
	return !/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(withoutSgr);
}

describe('toLogLine makes every hostile line inert', () => {
	for (const hostile of hostileCorpus) {
		test(hostile.name, () => {
			const line = toLogLine({stream: 'stdout', time: '', text: hostile.input, cut: 0}, 'id', true);
			assert.ok(inert(line.text), `text: ${JSON.stringify(line.text.slice(0, 200))}`);
			assert.ok(inert(line.plain) && !line.plain.includes('\u001b'), 'plain has no escapes at all');
			if (hostile.expectedText !== undefined) assert.equal(line.plain, hostile.expectedText);
			const colourless = toLogLine({stream: 'stdout', time: '', text: hostile.input, cut: 0}, 'id', false);
			assert.ok(!colourless.text.includes('\u001b'), 'without colour, no escape survives');
		});
	}
});

describe('highlightSegments', () => {
	const cases: Array<[string, string, Array<[string, boolean]>]> = [
		['GET /health 200', 'health', [['GET /', false], ['health', true], [' 200', false]]],
		['aXbxc', 'x', [['a', false], ['X', true], ['b', false], ['x', true], ['c', false]]],
		['no match', 'zzz', [['no match', false]]],
		['a(b', '(', [['a', false], ['(', true], ['b', false]]],
		['abc', '', [['abc', false]]],
		['abc', 'x*', [['abc', false]]],
		['500 error', '\\d+', [['500', true], [' error', false]]],
	];
	for (const [text, search, expected] of cases) {
		test(`${JSON.stringify(search)} in ${JSON.stringify(text)}`, () => {
			assert.deepEqual(highlightSegments(text, search).map(segment => [segment.text, segment.match]), expected);
		});
	}
});

describe('small formatters', () => {
	const ranges: Array<[{tail?: number; sinceSeconds?: number}, string]> = [
		[{tail: 100}, 'tail 100'], [{tail: 1000}, 'tail 1k'], [{tail: 10_000}, 'tail 10k'], [{tail: 1500}, 'tail 1500'],
		[{sinceSeconds: 60}, 'since 1m'], [{sinceSeconds: 900}, 'since 15m'], [{sinceSeconds: 3600}, 'since 1h'], [{sinceSeconds: 86_400}, 'since 1d'], [{}, 'all'],
	];
	for (const [range, expected] of ranges) test(`range ${expected}`, () => assert.equal(formatRange(range), expected));
	test('timestamps', () => {
		assert.equal(formatLogTime('2026-11-24T17:28:59.701290009Z'), '2026-11-24 17:28:59.701');
		assert.equal(rfc3339Nano(Date.UTC(2026, 0, 2, 3, 4, 5, 6)), '2026-01-02T03:04:05.006000000Z');
	});
	test('saved view lines', () => {
		const line = {seq: 1, source: 'a', stream: 'stderr' as const, time: '2026-01-02T03:04:05.000000000Z', text: '\u001b[31mx\u001b[0m', plain: 'x', cut: 0};
		assert.equal(savedViewLine(line, {timestamps: false}), 'x');
		assert.equal(savedViewLine(line, {timestamps: true, name: 'web'}), '2026-01-02T03:04:05.000000000Z web | x');
		assert.equal(savedViewLine({...line, cut: 10}, {timestamps: false}), 'x […10 bytes cut]');
	});
});
