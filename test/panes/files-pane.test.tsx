import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {fileRow} from '../../source/actions/files-actions.js';
import {ListingCollector, type TarHeader} from '../../source/domain/file-listing.js';
import {setFileTransfer, type FilesState} from '../../source/store/files-slice.js';
import {setView} from '../../source/store/ui-slice.js';
import type {Store} from '../../source/store/store.js';
import {fixtureRows, seededStore} from '../helpers/fixtures.js';
import {keys, renderApp, type RenderedApp} from '../helpers/render-app.js';

const at = new Date(Date.UTC(2026, 11, 2, 10, 31));
/** The headers the engine sent for /etc of the busybox test image (GET archive of "/etc/."), plus one hostile name and link. */
const etcHeaders: TarHeader[] = [
	{name: './', type: 'directory', mode: 0o755, mtime: at},
	{name: './group', type: 'file', size: 307, mode: 0o644, mtime: at},
	{name: './hostname', type: 'file', size: 13, mode: 0o644, mtime: at},
	{name: './mtab', type: 'symlink', size: 0, mode: 0o777, linkname: '/proc/mounts', mtime: at},
	{name: './passwd', type: 'file', size: 340, mode: 0o644, mtime: at},
	{name: './ssl/', type: 'directory', mode: 0o755, mtime: at},
	{name: './ssl/certs/', type: 'directory', mode: 0o755, mtime: at},
	{name: './ssl/certs/ca.pem', type: 'file', size: 2000, mode: 0o644, mtime: at},
	{name: './\u001b]0;owned\u0007evil\u001b[2J', type: 'symlink', size: 0, mode: 0o777, linkname: '\u001b[31m/x\u0007', mtime: at},
	{name: './su', type: 'file', size: 1, mode: 0o4755, mtime: at},
];

/** A real store on the containers fixture with the browser open on /etc of demo-1, as the actions leave it. */
function browsingStore(change: Partial<FilesState> = {}, readOnly = false): Store {
	const container = fixtureRows().find(row => row.name === 'demo-1')!;
	const collector = new ListingCollector();
	for (const header of etcHeaders) collector.add(header);
	const store = seededStore({readOnly, ui: {selectedId: container.id}});
	store.update(state => setView({...state, files: {container: {id: container.id, name: container.name}, path: '/etc', rows: collector.result(0).entries.map(fileRow), selected: 0, status: 'done', from: 'containers', cancel: () => undefined, ...change}}, 'files'));
	return store;
}

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const line = (text: string, start: string) => text.split('\n').find(row => row.trimStart().startsWith(start)) ?? '';

describe('the file browser pane', () => {
	test('names, sizes, modes and times; folders first with "/", links with their target', async () => {
		app = await renderApp({store: browsingStore()});
		const text = await app.waitForFrame(t => t.includes('passwd'), 'the /etc rows');
		assert.match(text, /demo-1:\/etc · 7 entries/);
		assert.match(text, /NAME\s+SIZE MODE\s+MODIFIED \(UTC\)/);
		assert.match(line(text, 'ssl/'), /^ssl\/\s+2kB drwxr-xr-x 2026-12-02 10:31/);
		assert.match(line(text, 'passwd'), /^passwd\s+340B -rw-r--r-- 2026-12-02 10:31/);
		assert.match(line(text, 'mtab'), /^mtab -> \/proc\/mounts\s+lrwxrwxrwx/);
		assert.match(line(text, 'su '), /-rwsr-xr-x/);
		assert.ok(text.split('\n').findIndex(row => row.includes('ssl/')) < text.split('\n').findIndex(row => row.includes('group')), 'folders first');
		assert.match(text, /Enter open\s+Backspace up\s+y copy out\s+Y copy in/);
	});

	test('a hostile name and link target reach the terminal without their escapes', async () => {
		app = await renderApp({store: browsingStore()});
		const frame = await app.waitForFrame(t => t.includes('evil'), 'the hostile row');
		assert.match(frame, /\]0;ownedevil -> \/x|evil -> .*\/x/);
		const raw = app.lastFrame();
		assert.ok(!raw.includes('\u0007') && !raw.includes('\u001b]0') && !raw.includes('\u001b[2J'), JSON.stringify(raw.split('\n').find(row => row.includes('evil'))));
	});

	test('/ filters the names; Esc clears the filter, then goes back to containers', async () => {
		app = await renderApp({store: browsingStore()});
		await app.waitForFrame(t => t.includes('passwd'), 'the rows');
		app.type('/');
		app.type('pass');
		app.type(keys.enter);
		const filtered = await app.waitForFrame(t => t.includes('filter: pass') && !t.includes('group'), 'the filtered rows');
		assert.match(filtered, /passwd/);
		app.type(keys.escape);
		await app.waitForFrame(t => t.includes('group') && t.includes('passwd'), 'the filter cleared');
		app.type(keys.escape);
		await app.waitForFrame(t => t.includes('NAME▲'), 'the containers view');
		assert.equal(app.store.getSnapshot().files, undefined);
	});

	test('Enter on a file says what y does, touching no engine', async () => {
		app = await renderApp({store: browsingStore()});
		await app.waitForFrame(t => t.includes('passwd'), 'the rows');
		app.type('/');
		app.type('^passwd$');
		app.type(keys.enter);
		await app.waitForFrame(t => t.includes('filter: ^passwd$'), 'the filter');
		app.type(keys.enter);
		await app.waitForFrame(t => t.includes('passwd is not a folder (y copies it out)'), 'the notice');
	});

	test('a running copy shows its progress, and Esc cancels it before anything else', async () => {
		let cancelled = 0;
		const store = browsingStore();
		const cancel = () => cancelled++;
		store.update(state => setFileTransfer(state, {label: 'copying /etc/ssl out to /tmp/x', bytes: 1000, total: 2000, cancel}));
		app = await renderApp({store});
		await app.waitForFrame(t => t.includes('copying /etc/ssl out to /tmp/x: 1kB of 2kB (50%) · Esc cancels'), 'the progress line');
		app.type(keys.escape);
		await app.waitForFrame(t => t.includes('cancelling the copy'), 'the cancel notice');
		assert.equal(cancelled, 1);
		assert.equal(store.getSnapshot().ui.view, 'files');
	});

	test('a truncated listing says so; read-only hides Y from the footer', async () => {
		app = await renderApp({store: browsingStore({truncated: 'bytes', read: 134_217_800, message: 'listing truncated after 134MB of tar: folder sizes are partial'}, true)});
		const text = await app.waitForFrame(t => t.includes('listing truncated'), 'the truncation');
		assert.match(text, /y copy out/);
		assert.doesNotMatch(text, /Y copy in/);
	});

	test('while a folder is read, the header says how much tar has come', async () => {
		app = await renderApp({store: browsingStore({status: 'loading', rows: [], read: 12_582_912})});
		await app.waitForFrame(t => t.includes('demo-1:/etc · reading… 12.6MB of tar · 0 entries'), 'the reading line');
	});
});
