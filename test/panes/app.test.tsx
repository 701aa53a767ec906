import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {minimumSize} from '../../source/panes/app.js';
import {setConnection} from '../../source/store/ui-slice.js';
import {initHosts, setHostConnection} from '../../source/store/hosts-slice.js';
import {fixtureRows, seededStore} from '../helpers/fixtures.js';
import {forbiddenEngine} from '../helpers/forbidden-engine.js';
import {keys, renderApp, type RenderedApp} from '../helpers/render-app.js';

const idOf = (name: string) => fixtureRows().find(row => row.name === name)?.id;
/** The frame's text with line breaks folded, for messages that wrap. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('app layout', () => {
	const small: Array<[string, {columns: number; rows: number}]> = [
		['too narrow', {columns: minimumSize.columns - 1, rows: 40}],
		['too short', {columns: 160, rows: minimumSize.rows - 1}],
		['both', {columns: 40, rows: 8}],
	];
	for (const [name, size] of small) {
		test(`${name} (${size.columns}×${size.rows}) shows the minimum size instead of the table`, async () => {
			app = await renderApp({store: seededStore(), size});
			const text = await app.waitForFrame(t => flat(t).includes('Terminal too small'), 'the too-small message');
			assert.ok(flat(text).includes(`Terminal too small: ${size.columns}×${size.rows}. Porthole needs at least ${minimumSize.columns}×${minimumSize.rows}`), text);
			assert.ok(!text.includes('burner'));
			assert.ok(text.split('\n').length <= size.rows);
		});
	}

	test('growing the terminal brings the table back (rerender), shrinking hides it again', async () => {
		app = await renderApp({store: seededStore(), size: {columns: 50, rows: 10}});
		await app.waitForFrame(t => flat(t).includes('Terminal too small: 50×10'), 'the too-small message');
		app.resize({columns: 160, rows: 40});
		const text = await app.waitForFrame(t => t.includes('NAME▲') && t.includes('burner'), 'the table');
		assert.ok(!text.includes('Terminal too small'));
		assert.ok(text.split('\n').length <= 40);
		app.resize({columns: minimumSize.columns, rows: minimumSize.rows});
		await app.waitForFrame(t => t.includes('NAME▲') && !t.includes('Terminal too small'), 'the table at exactly the minimum size');
		app.resize({columns: 59, rows: 30});
		await app.waitForFrame(t => flat(t).includes('Terminal too small: 59×30'), 'the message again');
	});

	test('q still quits from the too-small screen', async () => {
		app = await renderApp({store: seededStore(), size: {columns: 30, rows: 5}});
		await app.waitForFrame(t => flat(t).includes('Terminal too small'), 'the too-small message');
		app.type('q');
		await app.waitForFrame(() => app?.quits.count === 1, 'quit');
	});

	test('the layout tells the store its page size', async () => {
		const store = seededStore();
		app = await renderApp({store, size: {columns: 160, rows: 40}});
		// 40 rows, less status bar (2) and footer (1), less the table header.
		await app.waitForFrame(() => store.getSnapshot().ui.pageSize === 36, 'pageSize 36');
		app.resize({columns: 160, rows: 20});
		await app.waitForFrame(() => store.getSnapshot().ui.pageSize === 16, 'pageSize 16');
	});
});

describe('status bar', () => {
	test('shows connected, then reconnecting with the attempt and reason, then down with its reason', async () => {
		const store = seededStore();
		app = await renderApp({store});
		const first = await app.waitForFrame(t => t.includes('● connected'), 'connected');
		assert.match(first.split('\n')[0] ?? '', /^Porthole ● connected unix:\/\/\/fixture\.sock/);
		store.update(state => setConnection(state, {status: 'retrying', message: 'connect ECONNREFUSED /fixture.sock', attempt: 3}));
		const text = await app.waitForFrame(t => t.includes('reconnecting'), 'reconnecting');
		assert.match(text.split('\n')[0] ?? '', /● reconnecting unix:\/\/\/fixture\.sock \(attempt 3: connect ECONNREFUSED \/fixture\.sock\)/);
		store.update(state => setConnection(state, {status: 'down', message: 'gone'}));
		// 'down' (never set before issue 12) now reads "down" with its reason: a host that refuses.
		await app.waitForFrame(t => t.includes('● down unix:///fixture.sock (attempt 1: gone)'), 'down with its reason');
	});

	test('several hosts: each with its state, the reason of one that is down, a frozen one, a slow one', async () => {
		const store = seededStore();
		store.update(state => initHosts(state, [{name: 'local', target: 'unix:///fixture.sock'}, {name: 'box', target: 'ssh://box'}, {name: 'far', target: 'tcp://far:2375'}]));
		app = await renderApp({store});
		store.update(state => setHostConnection(setHostConnection(state, 'local', {status: 'up'}), 'box', {status: 'down', message: 'connect ECONNREFUSED', attempt: 2}));
		store.update(state => setHostConnection(state, 'far', {status: 'up', rttMs: 240}));
		const text = await app.waitForFrame(t => t.includes('far (240 ms)'), 'the slow host with its round trip');
		assert.match(text.split('\n')[0] ?? '', /^Porthole ● local ● box down \(attempt 2: connect ECONNREFUSED\) ● far \(240 ms\)/);
		store.update(state => setHostConnection(state, 'local', {status: 'stalled', message: 'no answer to a ping within 3 s'}));
		await app.waitForFrame(t => t.includes('● local not responding (no answer to a ping within 3 s; retrying)'), 'the frozen host');
	});

	test('an engine message with escapes is shown inert', async () => {
		const store = seededStore();
		app = await renderApp({store});
		store.update(state => setConnection(state, {status: 'retrying', message: 'boom\u001b]0;pwned\u0007\u001b[2J!', attempt: 1}));
		await app.waitForFrame(t => t.includes('attempt 1: boom!'), 'the sanitised reason');
		assert.ok(!app.lastFrame().includes('\u001b]'));
		assert.ok(!app.lastFrame().includes('\u001b[2J'));
	});

	test('read-only is marked and its hints leave out dangerous commands', async () => {
		app = await renderApp({store: seededStore({readOnly: true})});
		const text = await app.waitForFrame(t => t.includes('[read-only]'), 'the read-only mark');
		const footer = text.split('\n').at(-1) ?? '';
		assert.match(footer, /q quit/);
		assert.doesNotMatch(footer, /remove|restart|start\/stop/);
	});
});

describe('confirm dialog', () => {
	test('D names the running container and warns it will be killed; n cancels', async () => {
		const engine = forbiddenEngine();
		app = await renderApp({store: seededStore(), engine});
		await app.waitForFrame(t => t.includes('burner'), 'the table');
		app.type('D');
		const text = await app.waitForFrame(t => t.includes('Remove container burner?'), 'the dialog');
		assert.match(text, /It is running and will be killed first\./);
		// Only y confirms; the dialog says Enter cancels (issue 10 #2, #4).
		assert.match(text, /y yes\s+any other key \(Enter too\) no/);
		assert.ok(!text.includes('NAME▲'), 'the dialog replaces the table');
		app.type('n');
		const after = await app.waitForFrame(t => t.includes('NAME▲') && !t.includes('Remove container'), 'the table again');
		assert.match(after.split('\n')[1] ?? '', /remove cancelled/);
		assert.deepEqual(engine.calls, []);
	});

	test('D on a stopped container asks plainly', async () => {
		app = await renderApp({store: seededStore({ui: {selectedId: idOf('job-failed')}})});
		await app.waitForFrame(t => t.includes('job-failed'), 'the table');
		app.type('D');
		const text = await app.waitForFrame(t => t.includes('Remove container job-failed?'), 'the dialog');
		assert.ok(!text.includes('killed first'));
	});

	test('K names the container the keys moved to; Esc cancels', async () => {
		const engine = forbiddenEngine();
		app = await renderApp({store: seededStore(), engine});
		await app.waitForFrame(t => t.includes('burner'), 'the table');
		app.type('jj');
		await app.waitForFrame(t => /│ CPU.*demo-1/.test(t), 'demo-1 selected');
		app.type('K');
		await app.waitForFrame(t => t.includes('Kill container demo-1? It gets SIGKILL'), 'the kill dialog');
		app.type(keys.escape);
		await app.waitForFrame(t => t.includes('kill cancelled'), 'the cancel notice');
		assert.deepEqual(engine.calls, []);
	});

	test('the dialog names a hostile container inertly', async () => {
		app = await renderApp({store: seededStore({ui: {selectedId: idOf('evil-labels')}})});
		app.store.update(state => {
			const id = idOf('evil-labels') ?? '';
			const row = state.containers.get(id);
			assert.ok(row);
			return {...state, containers: new Map([...state.containers, [id, {...row, name: 'evil\u001b]0;pwned\u0007\u001b[2Jname'}]])};
		});
		await app.waitForFrame(t => t.includes('evilname'), 'the sanitised name in the table');
		app.type('D');
		await app.waitForFrame(t => t.includes('Remove container evilname?'), 'the dialog');
		assert.ok(!app.lastFrame().includes('\u001b]'));
		assert.ok(!app.lastFrame().includes('pwned'));
	});
});

describe('keys in one read (issue 10 #6)', () => {
	const bursts: Array<[string, string, string]> = [
		['/, Ctrl-U and zzz clear the old filter and type zzz', '/\u0015zzz', 'zzz'],
		['/, Ctrl-U, zzz and Enter keep zzz as the filter', '/\u0015zzz\r', 'zzz'],
		['/, text, Backspace', '/\u0015abc\u007f', 'ab'],
	];
	for (const [name, burst, filter] of bursts) {
		test(name, async () => {
			app = await renderApp({store: seededStore({ui: {filter: 'logger'}})});
			await app.waitForFrame(t => t.includes('NAME▲'), 'the table');
			app.type(burst);
			await app.waitForFrame(() => app?.store.getSnapshot().ui.filter === filter, `the filter to read ${filter}`);
			assert.equal(app.store.getSnapshot().ui.filter, filter);
		});
	}
});

describe('the too-small screen takes only quit (issue 10 #5)', () => {
	const tiny = {columns: 20, rows: 5};
	const ignored = ['s', 'p', 'K', 'D', 'r', 'y', 'v', '\r', '/', 'x', ':', '?', 'h', 'o', 'l', 'e', 'j', '\u0004', keys.escape];

	test('no other key acts on the container nobody can see; q quits', async () => {
		const engine = forbiddenEngine();
		app = await renderApp({store: seededStore({ui: {selectedId: idOf('burner')}}), engine, size: tiny});
		await app.waitForFrame(t => flat(t).includes('Terminal too small'), 'the too-small message');
		await app.waitForFrame(() => app?.store.getSnapshot().ui.tooSmall === true, 'the layout to tell the store');
		for (const key of ignored) app.type(key);
		app.type('q');
		// Keys are handled in order: once q has quit, every key before it was handled.
		await app.waitForFrame(() => app?.quits.count === 1, 'quit');
		const state = app.store.getSnapshot();
		assert.deepEqual(engine.calls, []);
		assert.equal(state.ui.confirm, undefined, 'no dialog opened');
		assert.equal(state.ui.prompt, undefined, 'no prompt opened');
		assert.equal(state.ui.view, 'containers');
		assert.equal(state.ui.selectedId, idOf('burner'), 'the selection did not move');
		assert.equal(state.ui.hideStopped, false);
		assert.equal(state.notice, undefined);
	});

	test('Ctrl-C quits too', async () => {
		app = await renderApp({store: seededStore(), size: tiny});
		await app.waitForFrame(() => app?.store.getSnapshot().ui.tooSmall === true, 'the too-small screen');
		app.type('\u0003');
		await app.waitForFrame(() => app?.quits.count === 1, 'quit');
	});

	test('a dialog open before the shrink is not answered from the small screen; it is there after growing', async () => {
		const engine = forbiddenEngine();
		app = await renderApp({store: seededStore({ui: {selectedId: idOf('burner')}}), engine});
		await app.waitForFrame(t => t.includes('burner'), 'the table');
		app.type('s');
		await app.waitForFrame(t => t.includes('Stop container burner?'), 'the dialog');
		app.resize(tiny);
		await app.waitForFrame(() => app?.store.getSnapshot().ui.tooSmall === true, 'the too-small screen');
		app.type('y');
		app.resize({columns: 160, rows: 40});
		await app.waitForFrame(t => t.includes('Stop container burner?') && app?.store.getSnapshot().ui.tooSmall === false, 'the dialog again');
		assert.deepEqual(engine.calls, []);
	});
});

describe('h says what it hid (issue 10, wording)', () => {
	test('the status bar says stopped containers are hidden, and a message says how to show them', async () => {
		app = await renderApp({store: seededStore()});
		await app.waitForFrame(t => t.includes('job-failed'), 'the table');
		app.type('h');
		const text = await app.waitForFrame(t => !t.includes('job-failed'), 'the stopped rows gone');
		const [header = '', message = ''] = text.split('\n');
		assert.match(header, /7 containers, 3 running, 3 stopped hidden/);
		assert.match(message, /stopped containers hidden; h shows them/);
		app.type('h');
		const shown = await app.waitForFrame(t => t.includes('job-failed'), 'the stopped rows back');
		assert.doesNotMatch(shown.split('\n')[0] ?? '', /hidden/);
		assert.match(shown.split('\n')[1] ?? '', /stopped containers shown/);
	});

	test('with nothing stopped, the header still says stopped ones are hidden', async () => {
		const running = fixtureRows().filter(row => row.state === 'running');
		app = await renderApp({store: seededStore({rows: running, ui: {hideStopped: true}})});
		const text = await app.waitForFrame(t => t.includes('burner'), 'the table');
		assert.match(text.split('\n')[0] ?? '', /3 containers, 3 running, stopped hidden/);
	});
});
