import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {initHosts, setHostConnection} from '../../source/store/hosts-slice.js';
import {setConnection} from '../../source/store/ui-slice.js';
import {seededStore} from '../helpers/fixtures.js';
import {renderApp, type RenderedApp} from '../helpers/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

/** The status bar: the first line of the screen. */
const statusLine = (frame: string) => frame.split('\n')[0] ?? '';

describe('the status bar names Podman', () => {
	test('one host that is Podman: "connected Podman" before the address', async () => {
		const store = seededStore();
		store.update(state => setConnection(state, {status: 'up', product: 'Podman'}));
		app = await renderApp({store});
		const line = statusLine(await app.waitForFrame(frame => statusLine(frame).includes('Podman'), 'Podman in the status bar'));
		assert.match(line, /● connected Podman \S/);
	});

	test('Docker goes unnamed', async () => {
		const store = seededStore();
		store.update(state => setConnection(state, {status: 'up'}));
		app = await renderApp({store});
		const line = statusLine(await app.waitForFrame(frame => statusLine(frame).includes('connected'), 'connected'));
		assert.doesNotMatch(line, /Podman|Docker/);
	});

	test('several hosts: the Podman one is marked, the Docker one is not', async () => {
		const store = seededStore();
		store.update(state => initHosts(state, [{name: 'local', target: 'unix:///fixture.sock'}, {name: 'pod', target: 'unix:///podman.sock'}]));
		store.update(state => setHostConnection(setHostConnection(state, 'local', {status: 'up'}), 'pod', {status: 'up', product: 'Podman'}));
		app = await renderApp({store});
		const line = statusLine(await app.waitForFrame(frame => statusLine(frame).includes('(Podman)'), 'the Podman badge'));
		assert.match(line, /● local ● pod \(Podman\)/);
	});
});
