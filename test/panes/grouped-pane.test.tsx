import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {fixtureRows, seededStore} from '../helpers/fixtures.js';
import {forbiddenEngine} from '../helpers/forbidden-engine.js';
import {keys, renderApp, type RenderedApp} from '../helpers/render-app.js';

const line = (text: string, start: string) => text.split('\n').find(each => each.startsWith(start)) ?? '';
const idOf = (name: string) => fixtureRows().find(row => row.name === name)?.id ?? '';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('containers grouped by compose project', () => {
	test('P shows a header per project with running/total, health and CPU, its containers indented under it, loose ones last', async () => {
		app = await renderApp({store: seededStore()});
		await app.waitForFrame(t => t.includes('burner'), 'the table');
		app.type('P');
		const text = await app.waitForFrame(t => line(t, '▾ demo (1)') !== '', 'the demo header');
		assert.match(line(text, '▾ demo (1)'), /1\/1 running\s+[\d.]+%/);
		assert.match(line(text, '▾ shop (1)'), /1\/1 running · healthy/);
		assert.ok(line(text, '  demo-1 ') !== '', 'demo-1 indented under its project');
		assert.ok(line(text, '  web-healthy ') !== '', 'web-healthy indented under its project');
		const order = text.split('\n').map(each => each.trim().split(/\s+/)[0] === '▾' ? each.trim().split(/\s+/)[1] : each.trim().split(/\s+/)[0]);
		assert.ok(order.indexOf('demo') < order.indexOf('demo-1') && order.indexOf('demo-1') < order.indexOf('shop') && order.indexOf('shop') < order.indexOf('burner'), 'projects first, then the loose containers');
	});

	test('Enter on a header folds it, z unfolds it; P again goes flat with the cursor on the project\'s container', async () => {
		const store = seededStore({ui: {grouped: true}});
		app = await renderApp({store});
		await app.waitForFrame(t => line(t, '▾ demo (1)') !== '', 'grouped');
		app.type('g');
		app.type(keys.enter);
		let text = await app.waitForFrame(t => line(t, '▸ demo (1)') !== '', 'folded');
		assert.equal(line(text, '  demo-1 '), '', 'the folded project hides its containers');
		app.type('z');
		text = await app.waitForFrame(t => line(t, '▾ demo (1)') !== '' && line(t, '  demo-1 ') !== '', 'unfolded');
		app.type('P');
		await app.waitForFrame(t => line(t, '▾ demo') === '' && line(t, 'demo-1 ') !== '', 'flat again');
		assert.equal(store.getSnapshot().ui.selectedId, idOf('demo-1'));
	});

	test('on a header, s and D ask once about the whole project; n leaves the engine alone; Space marks the project', async () => {
		const engine = forbiddenEngine();
		app = await renderApp({store: seededStore({ui: {grouped: true}}), engine});
		await app.waitForFrame(t => line(t, '▾ demo (1)') !== '', 'grouped');
		app.type('g');
		app.type('s');
		let text = await app.waitForFrame(t => t.includes('Stop project demo'), 'the project dialog');
		assert.match(text.replace(/[│\s]+/g, ' '), /Project demo: Stop 1 container: demo-1\?/);
		app.type('n');
		await app.waitForFrame(t => !t.includes('Stop project demo'), 'cancelled');
		app.type('j');
		app.type('j');
		app.type('D');
		text = await app.waitForFrame(t => t.includes('Remove project shop'), 'the remove dialog');
		assert.match(text.replace(/[│\s]+/g, ' '), /Project shop: Remove 1 container: web-healthy\? 1 is running and will be killed first\./);
		app.type('n');
		await app.waitForFrame(t => !t.includes('Remove project shop'), 'cancelled');
		assert.deepEqual(engine.calls, []);
		app.type('g');
		app.type(' ');
		text = await app.waitForFrame(t => t.includes('1 marked'), 'the project marked');
		assert.match(line(text, '  ● demo-1'), /demo-1/);
	});

	test('-p scopes the view to one project', async () => {
		app = await renderApp({store: seededStore({ui: {project: 'demo'}})});
		const text = await app.waitForFrame(t => t.includes('demo-1'), 'the project\'s container');
		assert.match(text, /project demo: 1 container, 1 running/);
		assert.ok(!text.includes('burner') && !text.includes('web-healthy'), 'other containers are out of scope');
	});
});
