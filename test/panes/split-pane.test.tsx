import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {fixtureRows, seededStore} from '../helpers/fixtures.js';
import {keys, renderApp, type RenderedApp} from '../helpers/render-app.js';

const idOf = (name: string) => fixtureRows().find(row => row.name === name)?.id ?? '';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('the split layout: logs beside the list', () => {
	test('v shows the table above the selected container\'s logs; moving the selection switches the stream; v again closes it', async () => {
		const store = seededStore();
		app = await renderApp({store, size: {columns: 160, rows: 40}});
		await app.waitForFrame(t => t.includes('burner'), 'the table');
		app.type('v');
		let text = await app.waitForFrame(t => /^Logs burner · /m.test(t), 'burner\'s logs below');
		const lines = text.split('\n');
		assert.ok(lines.findIndex(line => line.startsWith('NAME')) < lines.findIndex(line => line.startsWith('Logs burner')), 'the table is on top');
		assert.equal(store.getSnapshot().ui.view, 'containers', 'the keys still drive the table');
		const session = store.getSnapshot().logs.session;
		app.type('j');
		text = await app.waitForFrame(t => /^Logs created-one · /m.test(t), 'the logs follow the selection');
		assert.deepEqual(store.getSnapshot().logs.targets.map(target => target.id), [idOf('created-one')]);
		assert.equal(store.getSnapshot().logs.session, session + 1, 'one new stream session, not one per frame');
		app.type('l');
		await app.waitForFrame(() => store.getSnapshot().ui.view === 'logs', 'l: the logs full screen');
		app.type(keys.escape);
		await app.waitForFrame(t => /^Logs created-one · /m.test(t) && store.getSnapshot().ui.view === 'containers', 'back to the split, still following the selection');
		app.type('v');
		await app.waitForFrame(t => !/^Logs /m.test(t), 'split closed');
		assert.deepEqual(store.getSnapshot().logs.targets, [], 'its stream let go');
	});

	test('on a wide terminal the logs sit beside the table', async () => {
		app = await renderApp({store: seededStore({ui: {split: true}}), size: {columns: 220, rows: 30}});
		const text = await app.waitForFrame(t => /Logs burner · /.test(t), 'the logs');
		const header = text.split('\n').find(line => line.startsWith('NAME')) ?? '';
		assert.match(header, /Logs burner · /, 'the logs header is on the table header\'s line');
	});
});
