import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import {toLogLine} from '../../source/format/log-line.js';
import {appendLogLines, initialLogs, openLogs} from '../../source/store/logs-slice.js';
import {fixtureRows, seededStore} from '../helpers/fixtures.js';
import {keys, renderApp, type RenderedApp} from '../helpers/render-app.js';
import {waitFor} from '../helpers/wait.js';

const demo = fixtureRows().find(row => row.name === 'demo-1')!;
const ctrlU = '\u0015';

function logsStore() {
	const store = seededStore();
	store.update(state => openLogs({...state, logs: initialLogs()}, [demo]));
	store.update(state => appendLogLines(state, [toLogLine({stream: 'stdout', time: '2026-01-01T00:00:01.000000000Z', text: 'the saved line', cut: 0}, demo.id, true)]));
	return store;
}

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

/** Issue 10 #2: Enter submits the path; a second Enter must not answer yes to the overwrite dialog. */
describe('saving over an existing file', () => {
	const dir = mkdtempSync(join(tmpdir(), 'porthole-save-dialog-'));
	after(() => rmSync(dir, {recursive: true, force: true}));

	const enters: Array<[string, (path: string) => string[]]> = [
		['Enter, then Enter again after the dialog shows', path => [`S${ctrlU}${path}\r`, '\r']],
		['two Enters in one read', path => [`S${ctrlU}${path}\r\r`]],
	];
	for (const [name, typed] of enters) {
		test(`${name}: the file is kept and the save is cancelled`, async () => {
			const path = join(dir, `${name.replace(/\W+/g, '-')}.log`);
			writeFileSync(path, 'keep me\n');
			app = await renderApp({store: logsStore(), size: {columns: 160, rows: 30}});
			await app.waitForFrame(t => t.includes('the saved line'), 'the logs view');
			const [first, ...rest] = typed(path);
			app.type(first!);
			if (rest.length > 0) {
				await app.waitForFrame(t => t.includes('already exists. Overwrite?'), 'the overwrite dialog');
				for (const each of rest) app.type(each);
			}
			await app.waitForFrame(t => t.includes('overwrite cancelled'), 'the save cancelled');
			assert.equal(readFileSync(path, 'utf8'), 'keep me\n');
		});
	}

	test('y in the dialog overwrites', async () => {
		const path = join(dir, 'yes.log');
		writeFileSync(path, 'keep me\n');
		app = await renderApp({store: logsStore(), size: {columns: 160, rows: 30}});
		await app.waitForFrame(t => t.includes('the saved line'), 'the logs view');
		app.type(`S${ctrlU}${path}\r`);
		await app.waitForFrame(t => t.includes('already exists. Overwrite?'), 'the overwrite dialog');
		app.type('y');
		await waitFor(() => readFileSync(path, 'utf8').includes('the saved line'), {what: 'the file overwritten'});
		assert.equal(existsSync(path), true);
	});

	test('Esc in the dialog cancels too', async () => {
		const path = join(dir, 'esc.log');
		writeFileSync(path, 'keep me\n');
		app = await renderApp({store: logsStore(), size: {columns: 160, rows: 30}});
		await app.waitForFrame(t => t.includes('the saved line'), 'the logs view');
		app.type(`S${ctrlU}${path}\r`);
		await app.waitForFrame(t => t.includes('already exists. Overwrite?'), 'the overwrite dialog');
		app.type(keys.escape);
		await app.waitForFrame(t => t.includes('overwrite cancelled'), 'the save cancelled');
		assert.equal(readFileSync(path, 'utf8'), 'keep me\n');
	});
});
