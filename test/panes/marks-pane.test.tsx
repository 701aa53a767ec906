import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {startBulk, finishBulk, type RowProgress} from '../../source/store/bulk-slice.js';
import {fixtureRows, seededStore} from '../helpers/fixtures.js';
import {forbiddenEngine} from '../helpers/forbidden-engine.js';
import {keys, renderApp, type RenderedApp} from '../helpers/render-app.js';

const idOf = (name: string) => fixtureRows().find(row => row.name === name)?.id ?? '';
/** The frame line of a container's row, marked (● name) or not. */
const rowLine = (text: string, name: string) => text.split('\n').find(line => line.startsWith(`${name} `) || line.startsWith(`● ${name} `)) ?? '';
const isMarked = (text: string, name: string) => rowLine(text, name).startsWith(`● ${name} `);
const ctrlA = '\u0001';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('marks in the containers pane', () => {
	test('Space marks the row and moves down; the status bar counts; Space again unmarks', async () => {
		app = await renderApp({store: seededStore()});
		await app.waitForFrame(t => rowLine(t, 'burner') !== '', 'the table');
		app.type(' ');
		let text = await app.waitForFrame(t => isMarked(t, 'burner'), 'burner marked');
		assert.match(text, /7 containers, 3 running, 1 marked/);
		assert.equal(app.store.getSnapshot().ui.selectedId, idOf('created-one'), 'the cursor moved down');
		app.type(' ');
		text = await app.waitForFrame(t => isMarked(t, 'created-one') && t.includes('2 marked'), 'created-one marked too');
		app.type(keys.up);
		app.type(' ');
		text = await app.waitForFrame(t => !isMarked(t, 'created-one') && t.includes('1 marked'), 'created-one unmarked');
		assert.ok(isMarked(text, 'burner'));
	});

	test('Ctrl-A marks the rows shown after the filter, * inverts them, u clears, and marks survive a re-sort and the filter', async () => {
		app = await renderApp({store: seededStore()});
		await app.waitForFrame(t => rowLine(t, 'burner') !== '', 'the table');
		app.type('/');
		app.type('demo');
		app.type(keys.enter);
		await app.waitForFrame(t => t.includes('filter: demo') && rowLine(t, 'burner') === '', 'the filter');
		app.type(ctrlA);
		await app.waitForFrame(t => isMarked(t, 'demo-1') && t.includes('1 marked'), 'demo-1 marked');
		app.type(keys.escape);
		let text = await app.waitForFrame(t => rowLine(t, 'burner') !== '', 'the filter cleared');
		assert.ok(isMarked(text, 'demo-1'), 'the mark outlives the filter');
		app.type('*');
		text = await app.waitForFrame(t => t.includes('6 marked'), 'inverted');
		assert.ok(!isMarked(text, 'demo-1'));
		for (const name of ['burner', 'created-one', 'evil-labels', 'job-failed', 'paused-one', 'web-healthy']) assert.ok(isMarked(text, name), `${name} marked`);
		app.type('O');
		text = await app.waitForFrame(t => t.includes('NAME▼'), 'reverse sort');
		assert.ok(isMarked(text, 'burner') && !isMarked(text, 'demo-1'), 'marks follow the rows, not the positions');
		app.type('u');
		text = await app.waitForFrame(t => !t.includes('marked') && !isMarked(t, 'burner'), 'cleared');
		app.type('+');
		await app.waitForFrame(t => t.includes('7 marked'), '+ marks all too');
		app.type(keys.escape);
		await app.waitForFrame(t => !t.includes('marked'), 'Esc with no filter clears the marks');
	});

	test('s on marked rows asks once, naming them and what is left alone; n leaves the engine untouched', async () => {
		const engine = forbiddenEngine();
		app = await renderApp({store: seededStore(), engine});
		await app.waitForFrame(t => rowLine(t, 'burner') !== '', 'the table');
		// burner, created-one, demo-1: two run, one was never started.
		app.type('   ');
		await app.waitForFrame(t => t.includes('3 marked'), 'three marked');
		app.type('s');
		const text = await app.waitForFrame(t => t.includes('Stop 2 containers'), 'one dialog for all');
		assert.match(text.replace(/[│\s]+/g, ' '), /Stop 2 containers: burner and demo-1\? Each gets SIGTERM, then SIGKILL after its stop timeout\. created-one is not running: left alone\./);
		app.type('n');
		await app.waitForFrame(t => !t.includes('Stop 2 containers'), 'the dialog closed');
		assert.deepEqual(engine.calls, [], 'no is no');
	});

	test('all seven marked for remove: the dialog names three, then "and 4 more"', async () => {
		app = await renderApp({store: seededStore()});
		await app.waitForFrame(t => rowLine(t, 'burner') !== '', 'the table');
		app.type(ctrlA);
		app.type('D');
		const text = await app.waitForFrame(t => t.includes('Remove 7 containers'), 'the remove dialog');
		assert.match(text.replace(/[│\s]+/g, ' '), /Remove 7 containers: burner, created-one, demo-1 and 4 more\? 4 are running and will be killed first\./);
	});

	test('read-only: marking works, the bulk actions are not there', async () => {
		const engine = forbiddenEngine();
		app = await renderApp({store: seededStore({readOnly: true}), engine});
		await app.waitForFrame(t => rowLine(t, 'burner') !== '', 'the table');
		app.type(ctrlA);
		await app.waitForFrame(t => t.includes('7 marked'), 'all marked');
		app.type('s');
		app.type('D');
		app.type('K');
		await new Promise(resolve => setImmediate(resolve));
		assert.equal(app.store.getSnapshot().ui.confirm, undefined);
		assert.deepEqual(engine.calls, []);
	});

	test('l with rows marked opens their logs merged; with none, the selected one alone', async () => {
		app = await renderApp({store: seededStore()});
		await app.waitForFrame(t => rowLine(t, 'burner') !== '', 'the table');
		app.type('l');
		await app.waitForFrame(() => app?.store.getSnapshot().ui.view === 'logs', 'the logs view');
		assert.deepEqual(app.store.getSnapshot().logs.targets.map(target => target.name), ['burner']);
		app.type(keys.escape);
		await app.waitForFrame(() => app?.store.getSnapshot().ui.view === 'containers', 'back');
		// burner and demo-1, skipping created-one.
		app.type(' ');
		app.type('j');
		app.type(' ');
		await app.waitForFrame(t => t.includes('2 marked'), 'two marked');
		app.type('l');
		await app.waitForFrame(() => app?.store.getSnapshot().ui.view === 'logs', 'the logs view');
		assert.deepEqual(app.store.getSnapshot().logs.targets.map(target => target.name), ['burner', 'demo-1']);
	});

	test('each row shows its own progress and result', async () => {
		const store = seededStore();
		const progress = new Map<string, RowProgress>([
			[idOf('burner'), {status: 'done', text: 'stopped'}],
			[idOf('demo-1'), {status: 'failed', text: 'no longer exists'}],
			[idOf('web-healthy'), {status: 'running', text: 'stopping…'}],
			[idOf('job-failed'), {status: 'skipped', text: 'not running'}],
		]);
		store.update(state => startBulk(state, progress));
		app = await renderApp({store});
		let text = await app.waitForFrame(t => rowLine(t, 'burner').includes('✓ stopped'), 'burner stopped');
		assert.match(rowLine(text, 'demo-1'), /✗ no longer exists/);
		assert.match(rowLine(text, 'web-healthy'), /stopping…/);
		assert.match(rowLine(text, 'job-failed'), /– not running/);
		assert.match(rowLine(text, 'paused-one'), /paused/, 'a row outside the action shows its state');
		// Finished long enough ago: the live state is back.
		store.update(state => finishBulk(state, Date.now() - 60_000));
		text = await app.waitForFrame(t => !t.includes('✓ stopped'), 'results gone');
		assert.match(rowLine(text, 'burner'), /running/);
	});
});
