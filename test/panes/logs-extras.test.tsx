import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {toLogLine} from '../../source/format/log-line.js';
import {appendLogLines, initialLogs, openLogs, setLogOptions, setTargetStatus} from '../../source/store/logs-slice.js';
import {fixtureRows, seededStore} from '../helpers/fixtures.js';
import {renderApp, type RenderedApp} from '../helpers/render-app.js';

const rows = fixtureRows();
const demo = rows.find(row => row.name === 'demo-1')!;
const size = {columns: 120, rows: 20};
const time = '2026-01-01T00:00:01.000000000Z';

function logsStore() {
	const store = seededStore();
	store.update(state => openLogs({...state, logs: initialLogs({colour: true})}, [demo]));
	return store;
}

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('logs pane: driver without logs, highlight with colours (issue 10)', () => {
	test('a log driver that keeps nothing says so, not "stopped" nor "no lines yet"', async () => {
		const store = logsStore();
		store.update(state => setTargetStatus(state, demo.id, 'unavailable', 'the none log driver keeps no logs to read'));
		app = await renderApp({store, size});
		const text = await app.waitForFrame(t => t.includes('logs unavailable'), 'the reason');
		assert.match(text, /logs unavailable, the none log driver keeps no logs to read/);
		assert.match(text, /no lines: logs unavailable/);
		assert.doesNotMatch(text, /stopped|no lines yet/);
	});

	test('search highlighting keeps the colours of the rest of the line', async () => {
		const store = logsStore();
		store.update(state => appendLogLines(state, [toLogLine({stream: 'stdout', time, text: '\u001b[32mgreen start needle green end\u001b[0m', cut: 0}, demo.id, true)]));
		store.update(state => setLogOptions(state, {search: 'needle'}));
		app = await renderApp({store, size});
		await app.waitForFrame(t => t.includes('needle'), 'the line');
		const frame = app.lastFrame();
		const row = frame.split('\n').find(line => line.includes('needle')) ?? '';
		assert.match(row, /\u001b\[32m[^\u001b]*green start/, 'the text before the match stays green');
		assert.match(row, /\u001b\[7m.*needle/, 'the match is highlighted');
		assert.match(row, /\u001b\[32m[^\u001b]*green end/, 'the text after the match is green again');
	});
});
