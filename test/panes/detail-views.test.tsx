import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {maskText} from '../../source/domain/secrets.js';
import {recordEvent} from '../../source/store/events-slice.js';
import {setView} from '../../source/store/ui-slice.js';
import {removeContainer} from '../../source/store/containers-slice.js';
import {fixtureRows, seededStore} from '../helpers/fixtures.js';
import {keys, renderApp, type RenderedApp} from '../helpers/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const event = (type: string, action: string, name: string, time: number) => ({type, action, id: `${name}-id`, attributes: {name, image: 'busybox'}, time});

describe('events pane', () => {
	test(':events shows recorded events; t narrows by type and / by text', async () => {
		const store = seededStore();
		store.update(s => [event('container', 'start', 'web-1', 1), event('image', 'pull', 'busybox:latest', 2), event('network', 'connect', 'bridge', 3)].reduce(recordEvent, s));
		app = await renderApp({store});
		app.type(':events');
		app.type(keys.enter);
		let text = await app.waitForFrame(t => t.includes('Engine events') && t.includes('bridge'), 'the events pane');
		assert.match(text, /container\s+start\s+web-1\s+image=busybox/);
		assert.match(text, /type: all/);
		app.type('t');
		text = await app.waitForFrame(t => t.includes('type: container'), 'the type filter');
		assert.ok(text.includes('web-1') && !text.includes('busybox:latest') && !text.includes('bridge'));
		app.type('t');
		text = await app.waitForFrame(t => t.includes('type: image'), 'the next type');
		assert.ok(text.includes('busybox:latest') && !text.includes('web-1'));
		app.type('ttttttttttt'.slice(0, 9)); // back round to all
		await app.waitForFrame(t => t.includes('type: all'), 'all types again');
		app.type('/');
		app.type('connect');
		text = await app.waitForFrame(t => t.includes('text: connect'), 'the text filter');
		assert.ok(text.includes('bridge') && !text.includes('web-1'));
		store.update(s => recordEvent(s, event('network', 'connect', 'late-net', 4)));
		await app.waitForFrame(t => t.includes('late-net'), 'a live event');
	});

	test('hostile event fields are sanitised', async () => {
		const store = seededStore();
		store.update(s => setView(recordEvent(s, event('container', 'die\u001b[2J', 'evil\u001b]52;c;aGk=\u0007name', 1)), 'events'));
		app = await renderApp({store});
		await app.waitForFrame(t => t.includes('evilname'), 'the sanitised name');
		assert.doesNotMatch(app.lastFrame(), /\u001b\[2J|\u001b\]52/);
	});
});

describe('inspect pane', () => {
	const document = {Id: 'abc', Config: {Env: ['DB_PASSWORD=hunter2', 'PLAIN=visible'], Labels: {'evil\u001b[31m': 'x\u202ey'}}};
	test('masks secret-looking values, says so, and m reveals them', async () => {
		const store = seededStore();
		store.update(s => setView({...s, inspect: {kind: 'container', id: 'abc', name: 'web-1', from: 'containers', status: 'ok', document, reveal: false, scroll: 0, search: ''}}, 'inspect'));
		app = await renderApp({store});
		let text = await app.waitForFrame(t => t.includes('Inspect container web-1'), 'the inspect pane');
		assert.match(text, /1 secret-looking value is masked/);
		assert.ok(text.includes(`"DB_PASSWORD=${maskText}"`) && !text.includes('hunter2'));
		assert.ok(text.includes('"PLAIN=visible"'));
		assert.ok(text.includes('"evil\\u001b[31m"'), 'a control character in a key shows escaped, not raw');
		assert.doesNotMatch(app.lastFrame(), /\u202e/);
		app.type('m');
		text = await app.waitForFrame(t => t.includes('hunter2'), 'revealed');
		assert.match(text, /Secret-looking values are SHOWN/);
		app.type(keys.escape);
		await app.waitForFrame(t => t.includes('NAME'), 'back to the containers');
	});
});

describe('inspect of a removed container', () => {
	test('says the container is gone and keeps its last document', async () => {
		const store = seededStore();
		const row = fixtureRows().find(r => r.name === 'burner')!;
		store.update(s => setView({...s, inspect: {kind: 'container', id: row.id, name: row.name, from: 'containers', status: 'ok', document: {Id: row.id, Name: '/burner'}, reveal: false, scroll: 0, search: ''}}, 'inspect'));
		app = await renderApp({store});
		let text = await app.waitForFrame(t => t.includes('Inspect container burner') && t.includes('"/burner"'), 'the inspect pane');
		assert.doesNotMatch(text, /has been removed/);
		store.update(s => removeContainer(s, row.id));
		text = await app.waitForFrame(t => t.includes('This container has been removed'), 'the removal noted');
		assert.ok(text.includes('"/burner"'), 'the last document stays');
	});
});

describe('top pane', () => {
	test('lists processes sorted by CPU, M sorts by memory, Esc goes back', async () => {
		const store = seededStore();
		const rows = [
			{pid: '1', user: 'root', cpu: 0.5, memory: 9.0, rss: 90 * 1024 * 1024, elapsed: '10:00', time: '00:00:01', command: 'big-memory'},
			{pid: '2', user: 'app', cpu: 75, memory: 0.1, rss: 1024 * 1024, elapsed: '01:00', time: '00:00:45', command: 'busy-cpu'},
		];
		store.update(s => setView({...s, top: {containerId: 'x', name: 'web-1', rows, sort: 'cpu', selected: 0, status: 'ok', updatedAt: 0}}, 'top'));
		app = await renderApp({store});
		let text = await app.waitForFrame(t => t.includes('Processes of web-1'), 'the top pane');
		assert.ok(text.indexOf('busy-cpu') < text.indexOf('big-memory'), 'CPU first');
		app.type('M');
		text = await app.waitForFrame(t => t.includes('sorted by memory'), 'sorted by memory');
		assert.ok(text.indexOf('big-memory') < text.indexOf('busy-cpu'), 'memory first');
		store.update(s => ({...s, top: s.top && {...s.top, status: 'stopped', message: 'the container is exited; the list resumes when it runs'}}));
		await app.waitForFrame(t => t.includes('the container is exited'), 'the stopped notice');
		app.type(keys.escape);
		await app.waitForFrame(t => t.includes('NAME'), 'back to the containers');
	});
});

describe('exec keys', () => {
	test('read-only: e, E and a do nothing and never reach the engine', async () => {
		const store = seededStore({readOnly: true});
		app = await renderApp({store});
		await app.waitForFrame(t => t.includes('NAME'), 'the containers');
		app.type('eEa');
		app.type('j');
		await app.waitForFrame(() => store.getSnapshot().ui.selectedId !== undefined, 'the j after them handled');
		assert.deepEqual((app.engine as unknown as {calls: string[]}).calls, []);
		assert.equal(store.getSnapshot().handover, undefined);
	});
});
