import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {toLogLine} from '../../source/format/log-line.js';
import {appendLogLines, initialLogs, openLogs} from '../../source/store/logs-slice.js';
import {selectSelected} from '../../source/store/selectors.js';
import type {ViewName} from '../../source/store/state.js';
import {fixtureRows, seededStore} from '../helpers/fixtures.js';
import {keys, plain, renderApp, type RenderedApp} from '../helpers/render-app.js';

const demo = fixtureRows().find(row => row.name === 'demo-1')!;
const size = {columns: 160, rows: 30};

function logsStore() {
	const store = seededStore();
	store.update(state => openLogs({...state, logs: initialLogs()}, [demo]));
	const texts = ['alpha one', 'beta two', 'alpha three', 'gamma four'];
	store.update(state => appendLogLines(state, texts.map((text, n) => toLogLine({stream: 'stdout', time: `2026-01-01T00:00:0${n}.000000000Z`, text, cut: 0}, demo.id, true))));
	return store;
}

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const view = () => app!.store.getSnapshot().ui.view;
const logs = () => app!.store.getSnapshot().logs;

/** Issue 10 #7: Esc and q in the logs view and the other sub-views. */
describe('Esc in the logs view clears first, and leaves only when nothing is left', () => {
	test('a search, then a filter, then back to the containers', async () => {
		app = await renderApp({store: logsStore(), size});
		await app.waitForFrame(t => t.includes('gamma four'), 'the logs view');
		app.type('/');
		app.type('alpha\r');
		await app.waitForFrame(() => logs().search === 'alpha' && app?.store.getSnapshot().ui.prompt === undefined, 'the search kept');
		app.type('f');
		app.type('a\r');
		await app.waitForFrame(() => logs().filter === 'a' && app?.store.getSnapshot().ui.prompt === undefined, 'the filter kept');
		app.type(keys.escape);
		await app.waitForFrame(() => logs().search === '', 'the search cleared');
		assert.equal(view(), 'logs', 'still in the logs');
		assert.equal(logs().filter, 'a', 'the filter stays');
		app.type(keys.escape);
		await app.waitForFrame(() => logs().filter === '', 'the filter cleared');
		assert.equal(view(), 'logs');
		app.type(keys.escape);
		await app.waitForFrame(t => view() === 'containers' && t.includes('NAME▲'), 'the containers');
	});

	test('keys after the Esc that cleared a search do not land on the table', async () => {
		app = await renderApp({store: logsStore(), size});
		await app.waitForFrame(t => t.includes('gamma four'), 'the logs view');
		app.type('/');
		app.type('beta\r');
		await app.waitForFrame(() => logs().search === 'beta' && app?.store.getSnapshot().ui.prompt === undefined, 'the search kept');
		// Esc, then s: in logs s saves; on the table it would stop a container.
		app.type(keys.escape);
		app.type('s');
		await app.waitForFrame(t => t.includes('save complete log to:'), 'the logs save prompt');
		assert.equal(view(), 'logs');
		assert.equal(app.store.getSnapshot().ui.confirm, undefined);
	});
});

describe('q in a sub-view goes back; :q and Ctrl-C quit', () => {
	const cases: Array<[ViewName, ViewName]> = [['logs', 'containers'], ['top', 'containers'], ['inspect', 'containers'], ['history', 'images'], ['help', 'containers']];
	for (const [from, to] of cases) {
		test(`q in ${from} goes back to ${to}, and does not quit`, async () => {
			const store = from === 'logs' ? logsStore() : seededStore({ui: {view: from}});
			app = await renderApp({store, size});
			await app.waitForFrame(() => view() === from, from);
			app.type('q');
			await app.waitForFrame(() => view() === to, `back to ${to}`);
			assert.equal(app.quits.count, 0);
		});
	}

	test('in logs, the footer says Ctrl-C quits (q goes back)', async () => {
		app = await renderApp({store: logsStore(), size});
		const text = await app.waitForFrame(t => t.includes('gamma four'), 'the logs view');
		const footer = text.split('\n').at(-1) ?? '';
		assert.match(footer, /Ctrl-C quit/);
		assert.doesNotMatch(footer, /\bq quit/);
		assert.match(footer, /Esc back/);
	});

	test('the containers view still quits with q', async () => {
		app = await renderApp({store: seededStore(), size});
		await app.waitForFrame(t => t.includes('NAME▲'), 'the table');
		assert.match(plain(app.lastFrame()).split('\n').at(-1) ?? '', /q quit/);
		app.type('q');
		await app.waitForFrame(() => app?.quits.count === 1, 'quit');
	});

	const quits: Array<[string, string[]]> = [[':q', [':', 'q', '\r']], [':quit', [':', 'quit', '\r']], ['Ctrl-C', ['\u0003']]];
	for (const [name, typed] of quits) {
		test(`${name} in logs quits`, async () => {
			app = await renderApp({store: logsStore(), size});
			await app.waitForFrame(t => t.includes('gamma four'), 'the logs view');
			for (const each of typed) app.type(each);
			await app.waitForFrame(() => app?.quits.count === 1, 'quit');
		});
	}
});

describe('Esc after a / filter keeps the selected container (issue 10 #7)', () => {
	const selected = () => selectSelected(app!.store.getSnapshot())?.name;
	const ways: Array<[string, string[]]> = [
		['Esc after Enter kept the filter', ['/', 'web', '\r', keys.escape]],
		['Esc while the filter is typed', ['/', 'web', keys.escape]],
	];
	for (const [name, typed] of ways) {
		test(name, async () => {
			app = await renderApp({store: seededStore(), size});
			await app.waitForFrame(t => t.includes('NAME▲'), 'the table');
			assert.equal(selected(), 'burner', 'the first row is selected at start');
			for (const each of typed.slice(0, -1)) app.type(each);
			await app.waitForFrame(() => selected() === 'web-healthy', 'the filtered row selected');
			app.type(typed.at(-1)!);
			await app.waitForFrame(() => app?.store.getSnapshot().ui.filter === '' && app.store.getSnapshot().ui.prompt === undefined, 'the filter cleared');
			assert.equal(selected(), 'web-healthy', 'the cursor follows the container, not the old row');
			const frame = await app.waitForFrame(t => t.includes('burner') && t.includes('web-healthy'), 'the whole table again');
			assert.ok(frame.includes('web-healthy'));
		});
	}

	test('a filter that matches nothing leaves the selection where it was', async () => {
		app = await renderApp({store: seededStore(), size});
		await app.waitForFrame(t => t.includes('NAME▲'), 'the table');
		app.type('j');
		await app.waitForFrame(() => selected() === 'created-one', 'the second row');
		for (const each of ['/', 'zzzz', '\r', keys.escape]) app.type(each);
		await app.waitForFrame(() => app?.store.getSnapshot().ui.filter === '' && app.store.getSnapshot().ui.prompt === undefined, 'the filter cleared');
		assert.equal(selected(), 'created-one');
	});
});

/** Issue 10 #23: help opens on the current view's keys, then the global ones, and goes back there as it was. */
describe('help over the logs view', () => {
	for (const leave of ['?', keys.escape, 'q']) {
		test(`opens on the logs keys; ${leave === keys.escape ? 'Esc' : leave} returns to the logs with their search and scroll`, async () => {
			const store = logsStore();
			const two = (n: number) => String(n).padStart(2, '0');
			store.update(state => appendLogLines(state, Array.from({length: 200}, (_, n) => toLogLine({stream: 'stdout', time: `2026-01-01T01:${two(Math.floor(n / 60))}:${two(n % 60)}.000000000Z`, text: `more line ${n}`, cut: 0}, demo.id, true))));
			// Tall enough for the logs keys and the global ones on the help's first screen.
			app = await renderApp({store, size: {columns: 160, rows: 80}});
			await app.waitForFrame(t => t.includes('more line 199'), 'the logs view');
			app.type('/');
			app.type('alpha\r');
			await app.waitForFrame(() => logs().search === 'alpha' && app?.store.getSnapshot().ui.prompt === undefined, 'the search kept');
			app.type('g');
			const scrolled = await app.waitForFrame(t => t.includes('PAUSED') && t.includes('alpha one'), 'scrolled to the oldest line');
			const topSeq = logs().topSeq;
			assert.notEqual(topSeq, undefined);
			app.type('?');
			const help = await app.waitForFrame(t => t.includes('Keys ('), 'the help');
			const titles = plain(help).split('\n').filter(line => /^[A-Z][a-z]/.test(line) && !line.startsWith('Keys') && !line.startsWith('Porthole'));
			assert.deepEqual(titles.slice(0, 2), ['Logs', 'Everywhere'], 'the logs keys first, then the global ones');
			app.type(leave);
			const back = await app.waitForFrame(t => t.includes('alpha one') && !t.includes('Keys ('), 'the logs again');
			assert.equal(view(), 'logs');
			assert.equal(logs().search, 'alpha', 'the search is kept');
			assert.equal(logs().topSeq, topSeq, 'and the scroll');
			assert.match(back, /PAUSED/);
			assert.equal(plain(back).split('\n').find(line => line.includes('alpha one'))?.trim().split(/\s+/).at(-1), plain(scrolled).split('\n').find(line => line.includes('alpha one'))?.trim().split(/\s+/).at(-1));
		});
	}
});
