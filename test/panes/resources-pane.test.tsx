import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {applyPullMessage, startPull} from '../../source/domain/pull-progress.js';
import {replaceContainers} from '../../source/store/containers-slice.js';
import {initialState} from '../../source/store/initial-state.js';
import {replaceImages, replaceNetworks, replaceVolumes, setDiskUsage, setHistory, setPull} from '../../source/store/resources-slice.js';
import type {UiState} from '../../source/store/state.js';
import {createStore, type Store} from '../../source/store/store.js';
import {keys, renderApp, type RenderedApp} from '../helpers/render-app.js';
import {resourceFixtures} from '../helpers/resource-fixtures.js';
import {forbiddenEngine} from '../helpers/forbidden-engine.js';

/** A real store holding the images, volumes, networks and disk usage captured from the engine. */
function resourceStore(ui: Partial<UiState>, {readOnly = false} = {}): Store {
	let state = initialState({target: 'unix:///fixture.sock', readOnly, ui});
	state = replaceContainers(state, [resourceFixtures.container()]);
	state = replaceImages(state, resourceFixtures.images());
	state = replaceVolumes(state, resourceFixtures.volumes());
	state = replaceNetworks(state, resourceFixtures.networks());
	state = setDiskUsage(state, resourceFixtures.disk());
	state = {...state, connection: {...state.connection, status: 'up'}};
	return createStore(state, {batchMs: 0});
}

const line = (text: string, start: string) => text.split('\n').find(row => row.startsWith(start)) ?? '';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('images pane', () => {
	test('one row per tag with ID, size and users; untagged ones behind a toggle', async () => {
		app = await renderApp({store: resourceStore({view: 'images'})});
		const text = await app.waitForFrame(t => t.includes('fixture/app:latest'), 'the image rows');
		assert.match(text, /Images · 3 image rows, 1 untagged hidden \(a shows them\)/);
		assert.match(text, /REPOSITORY:TAG▲\s+IMAGE ID\s+CREATED\s+SIZE\s+SHARED\s+USED\s+CONTAINERS/);
		assert.match(line(text, 'fixture/app:1.0'), /^fixture\/app:1\.0\s+d48e128a4d1c\s+\S+ ago\s+2\.18MB\s+\S+\s+1 fx-web/);
		assert.match(line(text, 'porthole-test/busybox:1'), /1\.98MB\s+\S+\s+0/);
		app.type('a');
		const all = await app.waitForFrame(t => t.includes('<none> (dangling)'), 'the dangling image');
		assert.match(all, /Images · 4 image rows/);
	});

	test('the pull panel draws the total and each layer from the captured pull', async () => {
		const store = resourceStore({view: 'images'});
		let progress = startPull('127.0.0.1:5077/busybox:layered');
		const messages = resourceFixtures.pull();
		for (const message of messages.slice(0, 4)) progress = applyPullMessage(progress, message);
		store.update(state => setPull(state, {...progress, cancel: () => {}}));
		app = await renderApp({store});
		const running = await app.waitForFrame(t => t.includes('pulling 127.0.0.1:5077/busybox:layered'), 'the pull headline');
		assert.match(running, /d69b2341b880 already exists/);
		assert.match(running, /26b593ce04cd downloading +█*[▏▎▍▌▋▊▉]?░+ 36\.4kB\/3MB/);
		assert.match(running, /\(Esc cancels\)/);
		for (const message of messages.slice(4)) progress = applyPullMessage(progress, message);
		store.update(state => setPull(state, {...progress, state: 'done', cancel: () => {}}));
		const done = await app.waitForFrame(t => t.includes('pulled 127.0.0.1:5077/busybox:layered'), 'the finished pull');
		assert.match(done, /pulled 127\.0\.0\.1:5077\/busybox:layered █+ 100%/);
		assert.match(done, /26b593ce04cd pull complete/);
		assert.match(done, /Status: Downloaded newer image/);
		app.type(keys.escape);
		await app.waitForFrame(t => !t.includes('busybox:layered'), 'Esc puts the finished pull away');
	});

	test('removing one tag of two says it only untags', async () => {
		const store = resourceStore({view: 'images'});
		app = await renderApp({store});
		await app.waitForFrame(t => t.includes('fixture/app:1.0'), 'rows');
		app.type('D');
		const text = await app.waitForFrame(t => t.includes('Untag'), 'the untag dialog');
		assert.match(text, /nothing is deleted/);
		assert.match(store.getSnapshot().ui.confirm?.question ?? '', /Untag fixture\/app:1\.0\? Image d48e128a4d1c keeps its other tag \(fixture\/app:latest\); nothing is deleted\./);
		assert.equal(store.getSnapshot().ui.confirm?.target, 'fixture/app:1.0');
		app.type('n');
		await app.waitForFrame(t => t.includes('untag cancelled'), 'cancelled');
	});

	test('read-only hides pull, remove and prune', async () => {
		app = await renderApp({store: resourceStore({view: 'images'}, {readOnly: true})});
		const text = await app.waitForFrame(t => t.includes('fixture/app:1.0'), 'rows');
		assert.doesNotMatch(text, /P pull|D remove|x prune/);
		app.type('P');
		app.type('D');
		app.type('x');
		assert.equal(app.store.getSnapshot().ui.prompt, undefined);
		assert.equal(app.store.getSnapshot().ui.confirm, undefined);
	});

	test('a filter typed and entered in one read (text and Enter together) is kept', async () => {
		app = await renderApp({store: resourceStore({view: 'images'})});
		await app.waitForFrame(t => t.includes('fixture/app:1.0'), 'rows');
		app.type('/');
		app.type('busy\r');
		const text = await app.waitForFrame(t => t.includes('filter: busy'), 'the filter kept after Enter');
		assert.doesNotMatch(text, /fixture\/app/);
		app.type(keys.escape);
		await app.waitForFrame(t => t.includes('fixture/app:1.0') && !t.includes('filter: busy'), 'Esc clears the filter');
		app.type(keys.escape);
		await app.waitForFrame(t => t.includes('NAME▲') && t.includes('fx-web'), 'Esc again goes back to containers');
	});
});

describe('image history pane', () => {
	test('layers with age, size and command, the selected one in full', async () => {
		const store = resourceStore({view: 'history'});
		const image = resourceFixtures.images()[0]!;
		store.update(state => setHistory(state, {imageId: image.id, title: 'fixture/app:1.0', selected: 0, layers: resourceFixtures.history()}));
		app = await renderApp({store});
		const text = await app.waitForFrame(t => t.includes('History of fixture/app:1.0'), 'the history');
		assert.match(text, /History of fixture\/app:1\.0 · 2 layers, 2\.18MB/);
		assert.match(text, /\s+200kB\s+d48e128a4d1c\s+sh -c head -c 200000 \/dev\/urandom > \/blob/);
		// issue 10: "Imported from -" under CREATED BY said nothing; the layer came from a tarball.
		assert.match(text, /\s+1\.98MB\s+6e44c2c07485\s+imported from a tarball \(docker import\)/);
		assert.doesNotMatch(text, /Imported from -/);
		app.type('j');
		await app.waitForFrame(t => /│ imported from a tarball \(docker import\)/.test(t), 'the second layer in full');
		app.type(keys.escape);
		await app.waitForFrame(t => t.includes('REPOSITORY:TAG'), 'back to images');
	});
});

describe('volumes, networks and disk usage panes', () => {
	test('volumes: the named volume with its user, the anonymous one marked', async () => {
		app = await renderApp({store: resourceStore({view: 'volumes'})});
		const text = await app.waitForFrame(t => t.includes('fx-data'), 'the volume rows');
		assert.match(text, /Volumes · 2 shown, 2 in use, 1 anonymous/);
		assert.match(line(text, 'fx-data'), /^fx-data\s+local\s+\S+\s+\S+ ago fx-web/);
		assert.match(text, /^[0-9a-f]{12}… \(anonymous\)\s+local/m);
	});

	test('networks: subnet and attached containers; a built-in one is refused at once', async () => {
		const store = resourceStore({view: 'networks'});
		app = await renderApp({store});
		const text = await app.waitForFrame(t => t.includes('fx-net'), 'the network rows');
		assert.match(line(text, 'fx-net'), /fx-net\s+502b931ed6c6\s+bridge\s+local\s+10\.123\.0\.0\/24\s+1: fx-svc/);
		assert.match(line(text, 'host'), /^host \(built-in\)/);
		app.type('j');
		app.type('D');
		await app.waitForFrame(t => t.includes('host is a built-in network'), 'the refusal');
		assert.equal(store.getSnapshot().ui.confirm, undefined);
	});

	test('marks in the networks table: Ctrl-A marks all, D asks once and leaves the built-in ones alone; n touches nothing', async () => {
		const store = resourceStore({view: 'networks'});
		app = await renderApp({store});
		await app.waitForFrame(t => t.includes('fx-net'), 'the network rows');
		app.type('\u0001');
		let text = await app.waitForFrame(t => /\d+ marked/.test(t), 'the count');
		const count = store.getSnapshot().resources.networks.length;
		assert.match(text, new RegExp(`, ${count} marked`));
		assert.match(line(text, '● fx-net'), /fx-net/);
		app.type('D');
		text = await app.waitForFrame(t => t.includes('Remove 1 network'), 'one question');
		assert.match(text.replace(/[│\s]+/g, ' '), /Remove 1 network: fx-net\? A network with containers attached is refused\. host is built in: left alone\./);
		app.type('n');
		await app.waitForFrame(t => !t.includes('Remove 1 network'), 'cancelled');
		app.type('u');
		text = await app.waitForFrame(t => !t.includes('marked'), 'marks cleared');
		app.type(' ');
		await app.waitForFrame(t => t.includes('1 marked'), 'Space marks one');
	});

	test('marks in the images table: Space marks and moves down, * inverts, D asks once naming them; n touches nothing; Esc clears', async () => {
		const store = resourceStore({view: 'images'});
		const engine = forbiddenEngine();
		app = await renderApp({store, engine});
		await app.waitForFrame(t => t.includes('fixture/app:latest'), 'the image rows');
		const rows = store.getSnapshot().resources.tables.images;
		app.type(' ');
		let text = await app.waitForFrame(t => t.includes('1 marked'), 'Space marks one');
		assert.ok(store.getSnapshot().resources.tables.images.selectedKey !== rows.selectedKey, 'and moves down');
		app.type('*');
		text = await app.waitForFrame(t => /, 2 marked/.test(t), '* inverts: the other two');
		assert.equal(text.split('\n').filter(each => each.startsWith('● ')).length, 2);
		app.type('D');
		text = await app.waitForFrame(t => t.includes('Remove 2 images'), 'one question');
		assert.match(text.replace(/[│\s]+/g, ' '), /Remove 2 images: \S+ and \S+\?/);
		app.type('n');
		await app.waitForFrame(t => !t.includes('Remove 2 images'), 'cancelled');
		assert.deepEqual(engine.calls, []);
		app.type(keys.escape);
		await app.waitForFrame(t => !t.includes('marked'), 'Esc clears the marks');
	});

	test('disk usage: four lines with total and reclaimable, reached with U', async () => {
		app = await renderApp({store: resourceStore({view: 'containers'})});
		await app.waitForFrame(t => t.includes('fx-web'), 'containers');
		app.type('U');
		const text = await app.waitForFrame(t => t.includes('RECLAIMABLE'), 'the summary');
		assert.match(text, /^Images\s+3\s+2\s+\S+B\s+\S+B \(\d+%\)$/m);
		assert.match(text, /^Containers\s+1\s+0\s+/m);
		assert.match(text, /^Local Volumes\s+2\s+2\s+/m);
		assert.match(text, /^Build Cache\s+0\s+0\s+0B\s+0B$/m);
	});
});

describe('empty resource tables name their key from the keymap', () => {
	const cases: Array<[string, 'images' | 'volumes', boolean, string, RegExp | undefined]> = [
		['volumes', 'volumes', false, 'no volumes (c creates one)', undefined],
		['volumes, read-only: no key to offer', 'volumes', true, 'no volumes', /creates one/],
		['images', 'images', false, 'no images (P pulls one)', undefined],
		['images, read-only: no key to offer', 'images', true, 'no images', /pulls one/],
	];
	for (const [name, view, readOnly, says, absent] of cases) {
		test(name, async () => {
			const store = resourceStore({view}, {readOnly});
			store.update(state => (view === 'volumes' ? replaceVolumes(state, []) : replaceImages(state, [])));
			app = await renderApp({store});
			const text = await app.waitForFrame(t => t.includes(says), says);
			if (absent) assert.doesNotMatch(text, absent);
		});
	}
});
