import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import {ComposeFiles} from '../../source/sync/compose-files.js';
import {fixtureRows, seededStore} from '../helpers/fixtures.js';
import {forbiddenEngine} from '../helpers/forbidden-engine.js';
import {keys, renderApp, type RenderedApp} from '../helpers/render-app.js';

const line = (text: string, start: string) => text.split('\n').find(each => each.startsWith(start)) ?? '';
const idOf = (name: string) => fixtureRows().find(row => row.name === name)?.id ?? '';

let app: RenderedApp | undefined;
let stopFiles: (() => void) | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
	stopFiles?.();
	stopFiles = undefined;
});

const dir = mkdtempSync(join(tmpdir(), 'porthole-drift-'));
after(() => rmSync(dir, {recursive: true, force: true}));

/**
 * The fixture rows with compose file labels: shop's file (written here,
 * relative to its working_dir) and demo's (a path that is not there); the
 * store's own file reader running on them, as the app runs it.
 */
function driftStore(size?: {columns: number; rows: number}) {
	writeFileSync(join(dir, 'shop.yaml'), 'services:\n  web: {image: busybox}\n  db: {image: busybox}\n  debug: {image: busybox, profiles: [debug]}\n');
	const rows = fixtureRows().map(row => row.composeProject === 'shop'
		? {...row, labels: {...row.labels, 'com.docker.compose.project.working_dir': dir, 'com.docker.compose.project.config_files': 'shop.yaml'}}
		: row.composeProject === 'demo' ? {...row, labels: {...row.labels, 'com.docker.compose.project.config_files': join(dir, 'gone', 'compose.yaml')}} : row);
	const store = seededStore({rows, ui: {grouped: true}});
	stopFiles = new ComposeFiles(store, 20).start();
	return {store, size};
}

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

	test('a project whose containers no longer match its file is marked; its header says which services, and a file that cannot be read says so', async () => {
		app = await renderApp(driftStore());
		let text = await app.waitForFrame(t => line(t, '▾ shop (1) · drift') !== '', 'the drift mark on shop');
		assert.equal(line(text, '▾ demo (1) · drift'), '', 'demo\'s file cannot be read: no drift claimed');
		assert.ok(line(text, '▾ demo (1)') !== '');
		app.type('g');
		text = await app.waitForFrame(t => t.includes('compose files cannot be read here'), 'demo\'s unreadable files');
		assert.match(text, /compose files cannot be read here, so drift is not judged: \/\S+\/gone\/compose\.yaml: no such file here/);
		app.type('j');
		app.type('j');
		text = await app.waitForFrame(t => t.includes('drift: in the files, no container: db'), 'shop\'s drift in full');
		assert.ok(!text.includes('debug'), 'a service only a profile starts is not missing');
		assert.match(text, new RegExp(`files\\s+${join(dir, 'shop.yaml').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
		// The file changes: the mark follows it, with no key pressed.
		writeFileSync(join(dir, 'shop.yaml'), 'services:\n  web: {image: busybox}\n');
		text = await app.waitForFrame(t => t.includes('matches its compose files: 1 service (web)'), 'shop in step again');
		assert.equal(line(text, '▾ shop (1) · drift'), '');
		writeFileSync(join(dir, 'shop.yaml'), 'services:\n  api: {image: busybox}\n');
		text = await app.waitForFrame(t => t.includes('drift: containers of services not in the files: web'), 'a container the file dropped');
		assert.match(text, /drift: in the files, no container: api/);
	});

	test('at 80×24 the selected header says it in one line under the table', async () => {
		app = await renderApp({...driftStore(), size: {columns: 80, rows: 24}});
		await app.waitForFrame(t => line(t, '▾ shop (1) · drift') !== '', 'the drift mark on shop');
		app.type('g');
		app.type('j');
		app.type('j');
		const text = await app.waitForFrame(t => line(t, 'shop: drift: in the files, no container: db') !== '', 'the one line');
		assert.ok(text.split('\n').length <= 24);
	});

	test('l on a header opens the logs of all the project\'s containers, merged', async () => {
		const demo = fixtureRows().find(row => row.name === 'demo-1')!;
		const rows = [...fixtureRows(), {...demo, id: `${demo.id.slice(0, -4)}beef`, name: 'demo-2'}];
		app = await renderApp({store: seededStore({rows, ui: {grouped: true}})});
		await app.waitForFrame(t => line(t, '▾ demo (2)') !== '', 'the demo header');
		app.type('g');
		app.type('l');
		await app.waitForFrame(() => app?.store.getSnapshot().ui.view === 'logs', 'the logs view');
		assert.deepEqual(app.store.getSnapshot().logs.targets.map(target => target.name), ['demo-1', 'demo-2']);
	});

	test('-p scopes the view to one project', async () => {
		app = await renderApp({store: seededStore({ui: {project: 'demo'}})});
		const text = await app.waitForFrame(t => t.includes('demo-1'), 'the project\'s container');
		assert.match(text, /project demo: 1 container, 1 running/);
		assert.ok(!text.includes('burner') && !text.includes('web-healthy'), 'other containers are out of scope');
	});
});
