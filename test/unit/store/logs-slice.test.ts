import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {jumpToMatch, logTop, scrollLogs, togglePause} from '../../../source/actions/logs-navigation.js';
import type {ContainerRow} from '../../../source/domain/container.js';
import {sinceAfter, type LogLine} from '../../../source/domain/log-line.js';
import {findMatch, logView} from '../../../source/store/log-view.js';
import {appendLogLines, closeLogs, initialLogs, openLogs, openServiceLogs, setLogOptions, setLogRange} from '../../../source/store/logs-slice.js';
import {initialState} from '../../../source/store/initial-state.js';
import type {AppState} from '../../../source/store/state.js';
import {setUi} from '../../../source/store/ui-slice.js';

const row = (id: string, name = id): ContainerRow => ({
	id, name, image: 'busybox', state: 'running', health: undefined, exitCode: 0, startedAt: 0, createdAt: 0, finishedAt: 0,
	ports: [], labels: {}, restartCount: 0, command: 'sh', mounts: [], tty: false,
});

const time = (second: number) => `2026-01-01T00:00:${String(second).padStart(2, '0')}.000000000Z`;
const line = (source: string, text: string, second = 0, stream: LogLine['stream'] = 'stdout'): Omit<LogLine, 'seq'> => ({source, stream, time: time(second), text, plain: text, cut: 0});

function opened(ids: string[], capacity = 100, pageSize = 5): AppState {
	const state = initialState({target: 'test', logs: initialLogs({capacity})});
	return setUi(openLogs(state, ids.map(id => row(id))), {pageSize});
}

const texts = (state: AppState) => logView(state.logs).slice(0, Number.MAX_SAFE_INTEGER).map(each => each.text);

describe('logs slice', () => {
	test('a service\'s one stream interleaves its tasks: lines are merged by time, within a batch and across batches', () => {
		const start = initialState({target: 'test', logs: initialLogs({capacity: 100})});
		let state = openServiceLogs(start, [{id: 's', name: 'web'}]);
		assert.deepEqual(state.logs.targets.map(target => [target.id, target.name, target.service, target.tty]), [['s', 'web', true, false]]);
		state = appendLogLines(state, [{...line('s', 'slot 2 late', 3), label: 'web.2'}, {...line('s', 'slot 1 early', 1), label: 'web.1'}]);
		state = appendLogLines(state, [{...line('s', 'slot 1 between', 2), label: 'web.1'}]);
		assert.deepEqual(texts(state), ['slot 1 early', 'slot 1 between', 'slot 2 late']);
		assert.deepEqual(logView(state.logs).slice(0, 3).map(each => each.label), ['web.1', 'web.1', 'web.2']);
	});

	test('opening sets the view, the targets, a new session and the default tail', () => {
		const before = initialState({target: 'test', logs: initialLogs({tail: 50})});
		const state = openLogs(before, [row('a')]);
		assert.equal(state.ui.view, 'logs');
		assert.deepEqual(state.logs.targets.map(target => target.id), ['a']);
		assert.equal(state.logs.session, before.logs.session + 1);
		assert.deepEqual(state.logs.range, {tail: 50});
		const closed = closeLogs(state);
		assert.equal(closed.ui.view, 'containers');
		assert.equal(closed.logs.targets.length, 0);
		assert.equal(closed.logs.lines.size, 0);
	});

	test('a batch is appended in one update, numbered in order', () => {
		const before = opened(['a']);
		const state = appendLogLines(before, [line('a', 'one', 1), line('a', 'two', 2), line('a', 'three', 3)]);
		assert.deepEqual(texts(state), ['one', 'two', 'three']);
		assert.deepEqual(state.logs.lines.toArray().map(each => each.seq), [1, 2, 3]);
		assert.equal(state.logs.version, before.logs.version + 1, 'one version bump for the batch');
	});

	test('lines of containers not in view are ignored', () => {
		const state = opened(['a']);
		assert.equal(appendLogLines(state, [line('b', 'x')]), state);
	});

	test('the ring is bounded; what falls out is counted as dropped', () => {
		let state = opened(['a'], 3);
		state = appendLogLines(state, [1, 2, 3, 4, 5].map(n => line('a', `l${n}`, n)));
		assert.deepEqual(texts(state), ['l3', 'l4', 'l5']);
		assert.equal(state.logs.dropped, 2);
		state = appendLogLines(state, [line('a', 'l6', 6)]);
		assert.equal(state.logs.dropped, 3);
	});

	test('the merged view keeps lines in time order when a tail arrives late', () => {
		let state = opened(['a', 'b']);
		state = appendLogLines(state, [line('a', 'a1', 1), line('a', 'a3', 3), line('a', 'a5', 5)]);
		state = appendLogLines(state, [line('b', 'b2', 2), line('b', 'b4', 4), line('b', 'b6', 6)]);
		assert.deepEqual(texts(state), ['a1', 'b2', 'a3', 'b4', 'a5', 'b6']);
		const seqs = state.logs.lines.toArray().map(each => each.seq);
		assert.deepEqual(seqs, [...seqs].sort((x, y) => x - y), 'seq increases along the ring');
	});

	test('a range change empties the view and starts a new session', () => {
		let state = appendLogLines(opened(['a']), [line('a', 'x', 1)]);
		const session = state.logs.session;
		state = setLogRange(state, {sinceSeconds: 60});
		assert.equal(state.logs.lines.size, 0);
		assert.equal(state.logs.session, session + 1);
		assert.deepEqual(state.logs.range, {sinceSeconds: 60});
	});
});

describe('log view: filter and search', () => {
	const base = () => appendLogLines(opened(['a']), [
		line('a', 'GET /health 200', 1), line('a', 'POST /login 500', 2, 'stderr'), line('a', 'GET /items 200', 3), line('a', 'GET /health 200', 4),
	]);
	const cases: Array<{filter: string; inverse: boolean; expected: string[]}> = [
		{filter: '', inverse: false, expected: ['GET /health 200', 'POST /login 500', 'GET /items 200', 'GET /health 200']},
		{filter: 'health', inverse: false, expected: ['GET /health 200', 'GET /health 200']},
		{filter: 'health', inverse: true, expected: ['POST /login 500', 'GET /items 200']},
		{filter: '^(post|put) ', inverse: false, expected: ['POST /login 500']},
		{filter: ' 5\\d\\d$', inverse: false, expected: ['POST /login 500']},
		{filter: '(unbalanced', inverse: false, expected: []},
		{filter: 'nothing', inverse: true, expected: ['GET /health 200', 'POST /login 500', 'GET /items 200', 'GET /health 200']},
	];
	for (const {filter, inverse, expected} of cases) {
		test(`filter ${JSON.stringify(filter)}${inverse ? ' inverted' : ''}`, () => {
			const state = setLogOptions(base(), {filter, inverse});
			assert.deepEqual(texts(state), expected);
			assert.equal(logView(state.logs).total, 4);
		});
	}

	test('the filtered view follows new lines and lines leaving the ring', () => {
		let state = setLogOptions(appendLogLines(opened(['a'], 4), [line('a', 'keep 1', 1), line('a', 'drop', 2), line('a', 'keep 2', 3)]), {filter: 'keep'});
		assert.deepEqual(texts(state), ['keep 1', 'keep 2']);
		state = appendLogLines(state, [line('a', 'keep 3', 4), line('a', 'other', 5)]);
		assert.deepEqual(texts(state), ['keep 2', 'keep 3'], 'keep 1 left the ring of 4');
	});

	test('findMatch walks both ways and wraps', () => {
		const view = logView(base().logs);
		assert.equal(findMatch(view, 'health', view.size, -1), 3);
		assert.equal(findMatch(view, 'health', 3, -1), 0);
		assert.equal(findMatch(view, 'health', 0, -1), 3, 'wraps to the newest');
		assert.equal(findMatch(view, 'HEALTH', 0, 1), 3, 'case-insensitive');
		assert.equal(findMatch(view, 'absent', 0, 1), undefined);
		assert.equal(findMatch(view, '', 0, 1), undefined);
	});
});

describe('log navigation', () => {
	const many = (count: number, pageSize = 5) => appendLogLines(opened(['a'], 100, pageSize), Array.from({length: count}, (_, index) => line('a', `line ${index}`, index % 60)));

	test('scrolling up pauses the follow at that line; scrolling back to the end resumes it', () => {
		let state = many(20);
		assert.equal(logTop(state), 15);
		state = scrollLogs(state, -3);
		assert.equal(state.logs.follow, false);
		assert.equal(logTop(state), 12);
		state = appendLogLines(state, [line('a', 'new', 59)]);
		assert.equal(logTop(state), 12, 'new lines do not move a paused view');
		state = scrollLogs(state, 10);
		assert.equal(state.logs.follow, true);
	});

	test('G (bottom) resumes, g (top) pauses at the oldest line, space toggles', () => {
		let state = scrollLogs(many(20), 'top');
		assert.equal(logTop(state), 0);
		assert.equal(state.logs.follow, false);
		state = scrollLogs(state, 'bottom');
		assert.equal(state.logs.follow, true);
		state = togglePause(state);
		assert.equal(state.logs.follow, false);
		assert.equal(logTop(state), 15);
		assert.equal(togglePause(state).logs.follow, true);
	});

	test('nothing to scroll when everything fits', () => {
		const state = many(3);
		assert.equal(scrollLogs(state, -1).logs.follow, true);
	});

	test('n jumps to older matches and brings them on screen', () => {
		let state = setLogOptions(many(30), {search: 'line (2|27)$'});
		state = jumpToMatch(state, -1);
		assert.equal(logView(state.logs).at(logView(state.logs).indexOfSeq(state.logs.matchSeq!))?.text, 'line 27');
		assert.equal(state.logs.follow, true, 'the newest match already shows');
		state = jumpToMatch(state, -1);
		const view = logView(state.logs);
		assert.equal(view.at(view.indexOfSeq(state.logs.matchSeq!))?.text, 'line 2');
		assert.equal(state.logs.follow, false);
		const top = logTop(state);
		assert.ok(top <= 2 && 2 < top + 5, `line 2 is on screen (top ${top})`);
	});

	test('a search without a match says so', () => {
		const state = jumpToMatch(setLogOptions(many(5), {search: 'zzz'}), -1);
		assert.match(state.notice?.text ?? '', /no line matches "zzz"/);
	});
});

describe('sinceAfter', () => {
	const cases: Array<[string, string | undefined]> = [
		['2026-11-24T17:28:59.701290009Z', '1795541339.701290010'],
		['2026-11-24T17:28:59.999999999Z', '1795541340.000000000'],
		['2026-11-24T17:28:59Z', '1795541339.000000001'],
		['2026-11-24T17:28:59.5Z', '1795541339.500000001'],
		['', undefined],
		['yesterday', undefined],
	];
	for (const [input, expected] of cases) test(JSON.stringify(input), () => assert.equal(sinceAfter(input), expected));
});
