import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {initialLogs, openLogs, setTargetStatus} from '../../source/store/logs-slice.js';
import {fixtureRows, seededStore} from '../helpers/fixtures.js';
import {renderApp, type RenderedApp} from '../helpers/render-app.js';

const rows = fixtureRows();
const demo = rows.find(row => row.name === 'demo-1')!;
const size = {columns: 120, rows: 20};

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

});
