import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import type {LogLine} from '../../source/domain/log-line.js';
import {toLogLine} from '../../source/format/log-line.js';
import {appendLogLines, initialLogs, openLogs} from '../../source/store/logs-slice.js';
import {fixtureRows, seededStore} from '../helpers/fixtures.js';
import {keys, renderApp, type RenderedApp} from '../helpers/render-app.js';
import {hostileCorpus} from '../fixtures/hostile/corpus.js';

const rows = fixtureRows();
const demo = rows.find(row => row.name === 'demo-1')!;
const web = rows.find(row => row.name === 'web-healthy')!;
const size = {columns: 120, rows: 20};
/** Lines the body shows at this size: 20 rows less status (2), footer (1) and the pane's header (1). */
const bodyRows = 16;

const time = (n: number) => `2026-01-01T00:${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}.000000000Z`;
const line = (source: string, text: string, n: number, stream: Exclude<LogLine['stream'], 'marker'> = 'stdout') => toLogLine({stream, time: time(n), text, cut: 0}, source, true);

function logsStore(options: {colour?: boolean; targets?: typeof rows} = {}) {
	const store = seededStore();
	store.update(state => openLogs({...state, logs: initialLogs({colour: options.colour ?? true})}, options.targets ?? [demo]));
	return store;
}

const lineAt = (text: string, needle: string) => text.split('\n').find(each => each.includes(needle)) ?? '';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('logs pane', () => {
	test('follows: the newest lines show, and new ones appear at the bottom', async () => {
		const store = logsStore();
		store.update(state => appendLogLines(state, Array.from({length: 40}, (_, n) => line(demo.id, `line number ${n}`, n))));
		app = await renderApp({store, size});
		const text = await app.waitForFrame(t => t.includes('line number 39'), 'the newest line');
		assert.match(text, /Logs demo-1 · tail 1k · 40 lines · following/);
		assert.ok(text.includes(`line number ${40 - bodyRows}`), 'the last page shows');
		assert.ok(!text.includes(`line number ${40 - bodyRows - 1}\n`), 'older lines are off screen');
		store.update(state => appendLogLines(state, [line(demo.id, 'a fresh line', 40)]));
		await app.waitForFrame(t => t.includes('a fresh line'), 'the fresh line');
	});

	test('stdout and stderr are told apart by a marker, also without colour', async () => {
		for (const colour of [true, false]) {
			const store = logsStore({colour});
			store.update(state => appendLogLines(state, [line(demo.id, 'to stdout', 1), line(demo.id, 'to stderr', 2, 'stderr')]));
			app = await renderApp({store, size});
			const text = await app.waitForFrame(t => t.includes('to stderr'), 'both lines');
			assert.match(lineAt(text, 'to stdout'), /^ │ to stdout/);
			assert.match(lineAt(text, 'to stderr'), /^ E to stderr/);
			if (colour) assert.match(app.lastFrame(), /\u001b\[31mE/, 'stderr marker is red');
			app.unmount();
			app = undefined;
		}
	});

	test('scrolling up pauses the follow and says so; G resumes', async () => {
		const store = logsStore();
		store.update(state => appendLogLines(state, Array.from({length: 40}, (_, n) => line(demo.id, `line number ${n}`, n))));
		app = await renderApp({store, size});
		await app.waitForFrame(t => t.includes('line number 39'), 'the newest line');
		app.type(keys.up);
		app.type('k');
		let text = await app.waitForFrame(t => t.includes('PAUSED'), 'the pause notice');
		assert.match(text, /PAUSED, 2 newer lines below \(G or End follows\)/);
		assert.ok(!text.includes('line number 39'));
		store.update(state => appendLogLines(state, [line(demo.id, 'arrives while paused', 41)]));
		text = await app.waitForFrame(t => t.includes('3 newer lines below'), 'the count of newer lines');
		assert.ok(!text.includes('arrives while paused'), 'a paused view does not move');
		app.type('G');
		text = await app.waitForFrame(t => t.includes('following'), 'the follow resumed');
		assert.ok(text.includes('arrives while paused'));
	});

	test('/ searches: matches are highlighted and counted, Enter marks the newest', async () => {
		const store = logsStore();
		store.update(state => appendLogLines(state, [line(demo.id, 'GET /health 200', 1), line(demo.id, 'POST /login 500', 2), line(demo.id, 'GET /health 200 again', 3)]));
		app = await renderApp({store, size});
		await app.waitForFrame(t => t.includes('POST /login'), 'the lines');
		app.type('/');
		app.type('health');
		let text = await app.waitForFrame(t => t.includes('2 matches'), 'the match count');
		assert.match(app.lastFrame(), /\u001b\[7m(\u001b\[\d+m)*health/, 'the match is shown inverse');
		app.type(keys.enter);
		text = await app.waitForFrame(t => lineAt(t, 'again').startsWith('>'), 'the current match marked');
		assert.ok(!lineAt(text, 'GET /health 200\n').startsWith('>'));
		app.type('n');
		text = await app.waitForFrame(t => !lineAt(t, 'again').startsWith('>'), 'n moves to the older match');
		assert.match(text.split('\n').find(each => each.includes('GET /health 200') && !each.includes('again')) ?? '', /^>/);
	});

	test('f filters with a "matching / total" count, v inverts it, Esc in the prompt clears it', async () => {
		const store = logsStore();
		store.update(state => appendLogLines(state, [line(demo.id, 'GET /a', 1), line(demo.id, 'POST /b', 2), line(demo.id, 'GET /c', 3), line(demo.id, 'PUT /d', 4)]));
		app = await renderApp({store, size});
		await app.waitForFrame(t => t.includes('PUT /d'), 'the lines');
		app.type('f');
		app.type('^get');
		let text = await app.waitForFrame(t => t.includes('2 / 4 matching'), 'the filter count');
		assert.ok(!text.includes('POST /b'));
		app.type(keys.enter);
		app.type('v');
		text = await app.waitForFrame(t => t.includes('2 / 4 not matching'), 'the inverted count');
		assert.ok(text.includes('POST /b') && text.includes('PUT /d') && !text.includes('GET /a'));
		app.type('f');
		app.type(keys.escape);
		await app.waitForFrame(t => t.includes('4 lines') && t.includes('GET /a'), 'the filter cleared');
	});

	test('the merged view prefixes each line with its container name', async () => {
		const store = logsStore({targets: [demo, web]});
		store.update(state => appendLogLines(state, [line(web.id, 'from web', 2), line(demo.id, 'from demo', 1)]));
		app = await renderApp({store, size});
		const text = await app.waitForFrame(t => t.includes('from web'), 'both lines');
		assert.match(text, /Logs demo-1, web-healthy/);
		const body = text.split('\n');
		const demoAt = body.findIndex(each => /demo-1\s+│ from demo/.test(each));
		const webAt = body.findIndex(each => /web-healthy\s+│ from web/.test(each));
		assert.ok(demoAt > 0 && webAt > demoAt, 'ordered by time, each with its name');
	});

	test('t shows timestamps; w wraps long lines instead of cutting them', async () => {
		const store = logsStore();
		store.update(state => appendLogLines(state, [line(demo.id, `long ${'x'.repeat(200)} tail-end`, 61)]));
		app = await renderApp({store, size});
		let text = await app.waitForFrame(t => t.includes('long xxx'), 'the line');
		assert.ok(!text.includes('tail-end'), 'cut at the edge');
		app.type('t');
		text = await app.waitForFrame(t => t.includes('2026-01-01 00:01:01.000 long'), 'the timestamp');
		app.type('w');
		await app.waitForFrame(t => t.includes('tail-end'), 'the wrapped end');
	});

	test('hostile lines render inert: only SGR escapes reach the frame', async () => {
		const store = logsStore();
		const hostile = hostileCorpus.filter(each => each.input.length < 5000);
		store.update(state => appendLogLines(state, hostile.map((each, n) => line(demo.id, `#${n} ${each.input}`, n))));
		for (let first = 0; first < hostile.length; first += bodyRows) {
			// Page through the lines so each one is rendered at least once.
			app = await renderApp({store, size});
			store.update(state => ({...state, logs: {...state.logs, follow: false, topSeq: state.logs.lines.at(first)!.seq}}));
			await app.waitForFrame(t => t.includes(`#${first} `), `line ${first} on screen`);
			const frame = app.lastFrame();
			for (const needle of ['\u001b]', '\u001b[2J', '\u001b[H', '\u0007', '\u009b', '\u009d', '\u001bP', '\u001b_']) {
				assert.ok(!frame.includes(needle), `frame contains ${JSON.stringify(needle)}`);
			}
			const escapes = frame.match(/\u001b[^a-zA-Z]*[a-zA-Z]?/g) ?? [];
			assert.ok(escapes.length > 0, 'colour is on, so the check is not vacuous');
			for (const escape of escapes) assert.match(escape, /^\u001b\[[0-9;:]*m$/, `non-SGR escape ${JSON.stringify(escape)}`);
			assert.doesNotMatch(frame, /[\u0000-\u0009\u000b-\u001a\u001c-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, 'no other control characters');
			app.unmount();
			app = undefined;
		}
	});

	test('Esc goes back to the containers view', async () => {
		const store = logsStore();
		app = await renderApp({store, size});
		await app.waitForFrame(t => t.includes('Logs demo-1'), 'the logs view');
		app.type(keys.escape);
		await app.waitForFrame(t => t.includes('NAME'), 'the containers table');
		assert.equal(store.getSnapshot().ui.view, 'containers');
		assert.equal(store.getSnapshot().logs.targets.length, 0);
	});
});
