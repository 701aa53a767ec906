import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {selectRows} from '../../source/store/selectors.js';
import {seededStore} from '../helpers/fixtures.js';
import {renderApp, type RenderedApp} from '../helpers/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

/** A left click, a release and a wheel notch as a terminal in SGR mouse mode sends them (cells from 1). */
const click = (x: number, y: number) => [`\u001b[<0;${x};${y}M`, `\u001b[<0;${x};${y}m`];
const wheelDown = (x: number, y: number) => `\u001b[<65;${x};${y}M`;

async function table(mouse = true): Promise<RenderedApp> {
	const rendered = await renderApp({store: seededStore(), size: {columns: 160, rows: 40}, mouse});
	await rendered.waitForFrame(t => t.includes('NAME▲'), 'the table');
	await rendered.waitForFrame(() => (rendered.store.getSnapshot().visibleContainers?.size ?? 0) > 3, 'the rows on screen');
	return rendered;
}

describe('the mouse (mouse: true), as SGR reports', () => {
	test('a click selects the row under it (the first row is on screen row 4)', async () => {
		app = await table();
		const rows = selectRows(app.store.getSnapshot());
		app.mouse(...click(5, 6));
		await app.waitForFrame(() => app!.store.getSnapshot().ui.selectedId === rows[2]!.id, `${rows[2]!.name} selected`);
		app.mouse(...click(5, 4));
		await app.waitForFrame(() => app!.store.getSnapshot().ui.selectedId === rows[0]!.id, `${rows[0]!.name} selected`);
	});

	test('a double click opens the row\'s logs', async () => {
		app = await table();
		const rows = selectRows(app.store.getSnapshot());
		app.mouse(...click(5, 5), ...click(5, 5));
		await app.waitForFrame(t => t.includes(`Logs ${rows[1]!.name}`), 'the logs of the clicked row');
	});

	test('a click on a column title sorts by it, a second one reverses', async () => {
		app = await table();
		const frame = app.lastFrame();
		const header = frame.split('\n').find(line => line.includes('NAME▲'))!.replace(/\u001b\[[0-9;]*m/g, '');
		const x = header.indexOf('CPU') + 2;
		app.mouse(...click(x, 3));
		await app.waitForFrame(t => /CPU▼/.test(t), 'sorted by CPU');
		app.mouse(...click(x, 3));
		await app.waitForFrame(t => /CPU▲/.test(t), 'reversed');
	});

	test('the wheel moves the selection three rows', async () => {
		app = await table();
		const rows = selectRows(app.store.getSnapshot());
		app.mouse(wheelDown(5, 8));
		await app.waitForFrame(() => app!.store.getSnapshot().ui.selectedId === rows[3]!.id, 'three rows down');
	});

	test('a click on a footer hint runs it', async () => {
		app = await table();
		const footer = app.lastFrame().split('\n').at(-1)!.replace(/\u001b\[[0-9;]*m/g, '');
		app.mouse(...click(footer.indexOf('? help') + 1, 40));
		await app.waitForFrame(t => t.includes('Keys ('), 'the help');
	});

	test('Ctrl-O turns the mouse off (clicks do nothing) and on again', async () => {
		app = await table();
		const rows = selectRows(app.store.getSnapshot());
		app.type('\u000f');
		await app.waitForFrame(t => t.includes('mouse off'), 'the notice');
		assert.equal(app.store.getSnapshot().mouse, false);
		app.mouse(...click(5, 6));
		assert.notEqual(app.store.getSnapshot().ui.selectedId, rows[2]!.id, 'a click while off selects nothing');
		app.type('\u000f');
		await app.waitForFrame(t => t.includes('mouse on'), 'the notice');
		app.mouse(...click(5, 6));
		await app.waitForFrame(() => app!.store.getSnapshot().ui.selectedId === rows[2]!.id, 'a click while on selects');
	});

	test('a report on stdin is never typed as keys (Ink drops it; the built CLI routes it to the mouse)', async () => {
		app = await table(false);
		const before = app.store.getSnapshot().ui;
		// Its characters include M (sort by memory) and digits: none may act.
		app.type('\u001b[<0;5;6M');
		app.type('?');
		await app.waitForFrame(t => t.includes('Keys ('), 'the next key still works');
		assert.deepEqual(app.store.getSnapshot().ui.sort, before.sort);
	});
});
