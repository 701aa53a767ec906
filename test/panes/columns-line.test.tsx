import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {seededStore} from '../helpers/fixtures.js';
import {keys, renderApp, type RenderedApp} from '../helpers/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const header = (text: string) => (text.split('\n').find(line => /NAME|STATE/.test(line) && !line.includes('Porthole')) ?? '').trim().split(/\s+/);

async function line(rendered: RenderedApp, text: string): Promise<void> {
	rendered.type(':');
	await rendered.waitForFrame(t => t.split('\n').at(-1)!.startsWith(':'), 'the command line');
	rendered.type(text);
	rendered.type(keys.enter);
}

describe(':columns picks and orders the columns from inside the app', () => {
	test('list, pick, reorder, all again', async () => {
		app = await renderApp({store: seededStore()});
		await app.waitForFrame(t => t.includes('NAME▲'), 'the table');
		await line(app, 'columns');
		await app.waitForFrame(t => /containers columns: name project image state cpu spark memory net block pids ports restarts \(of /.test(t), 'the list');
		await line(app, 'columns state name cpu');
		const picked = await app.waitForFrame(t => header(t)[0] === 'STATE', 'the new order');
		assert.deepEqual(header(picked), ['STATE', 'NAME▲', 'CPU']);
		assert.deepEqual(app.store.getSnapshot().ui.columns, {containers: ['state', 'name', 'cpu']});
		await line(app, 'cols all');
		await app.waitForFrame(t => header(t)[0] === 'NAME▲' && header(t).includes('MEM'), 'every column again');
	});

	test('an unknown column is refused, naming the ones there are', async () => {
		app = await renderApp({store: seededStore()});
		await app.waitForFrame(t => t.includes('NAME▲'), 'the table');
		await line(app, 'columns name bogus');
		await app.waitForFrame(t => t.includes('no containers column "bogus" (columns: name project'), 'the error');
		assert.equal(app.store.getSnapshot().ui.columns, undefined);
	});

	test('in a view without a table it says where it works', async () => {
		app = await renderApp({store: seededStore({ui: {view: 'events'}})});
		await line(app, 'columns');
		await app.waitForFrame(t => t.includes(':columns works in the containers, images, volumes and networks tables'), 'the error');
	});
});
