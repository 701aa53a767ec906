import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {initHosts} from '../../source/store/hosts-slice.js';
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
});
