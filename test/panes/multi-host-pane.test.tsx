import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {initHosts, setHostConnection} from '../../source/store/hosts-slice.js';
import {recordEvent} from '../../source/store/events-slice.js';
import {setView} from '../../source/store/ui-slice.js';
import {fixtureRows, seededStore} from '../helpers/fixtures.js';
import {renderApp, type RenderedApp} from '../helpers/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

/** The fixture rows split over two hosts: the first two on "box", the rest on "local". */
function twoHostStore() {
	const rows = fixtureRows().map((row, index) => ({...row, host: index < 2 ? 'box' : 'local'}));
	const store = seededStore({rows});
	store.update(state => initHosts(state, [{name: 'local', target: 'unix:///fixture.sock'}, {name: 'box', target: 'ssh://box'}]));
	return {store, rows};
}

describe('several hosts on screen', () => {
	test('the containers table gains a HOST column naming each row\'s host', async () => {
		const {store, rows} = twoHostStore();
		app = await renderApp({store});
		const text = await app.waitForFrame(t => t.includes('HOST'), 'the HOST column');
		assert.match(text, /HOST\s+NAME/);
		const line = text.split('\n').find(l => l.includes(rows[0]!.name)) ?? '';
		assert.match(line, /^box\s/);
		const other = text.split('\n').find(l => l.includes(rows[3]!.name)) ?? '';
		assert.match(other, /^local\s/);
	});

	test('one host: no HOST column, the table as before', async () => {
		const store = seededStore();
		store.update(state => initHosts(state, [{name: 'local', target: 'unix:///fixture.sock'}]));
		app = await renderApp({store});
		const text = await app.waitForFrame(t => t.includes('NAME'), 'the table');
		assert.doesNotMatch(text, /HOST/);
	});

	test('the events view shows the host of each event', async () => {
		const {store} = twoHostStore();
		store.update(state => recordEvent(setView(state, 'events'), {type: 'container', action: 'start', id: 'a'.repeat(64), attributes: {name: 'web'}, time: Date.now(), host: 'box'}));
		app = await renderApp({store});
		const text = await app.waitForFrame(t => t.includes('start'), 'the event');
		assert.match(text, /HOST\s+TIME/);
		assert.match(text.split('\n').find(l => l.includes('start')) ?? '', /^box\s/);
	});

	test('a long reason for one host being down does not push the other hosts off the status line', async () => {
		const store = seededStore();
		store.update(state => initHosts(state, [{name: 'box', target: 'ssh://box'}, {name: 'local', target: 'unix:///fixture.sock'}]));
		const reason = 'ssh box: unknown host key (ED25519 SHA256:gapAEmZ8kPweTgVv4Xglsltv8gKps+h8x1bJBOV7PVU), refused; if it is right, run `ssh -F /tmp/cfg box` once to accept it';
		store.update(state => setHostConnection(setHostConnection(state, 'box', {status: 'down', message: reason, attempt: 3}), 'local', {status: 'up'}));
		app = await renderApp({store, size: {columns: 120, rows: 30}});
		const text = await app.waitForFrame(t => t.includes('● box'), 'the status line');
		const line = text.split('\n')[0] ?? '';
		assert.match(line, /● box down \(attempt 3: ssh box: unknown host key/);
		assert.match(line, /● local/, `the other host is still on the line: ${line}`);
	});
});
