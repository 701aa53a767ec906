import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {initialState} from '../../source/store/initial-state.js';
import type {ViewName} from '../../source/store/state.js';
import {createStore} from '../../source/store/store.js';
import {renderApp, type RenderedApp} from '../helpers/render-app.js';

// Every view, as the engine first finds it: nothing listed, no event, no
// inspect, no disk usage. A selector that returns a new empty array on each
// call makes useSyncExternalStore re-render forever (React error #185).
const views: Array<{view: ViewName; shows: RegExp}> = [
	{view: 'containers', shows: /NAME/},
	{view: 'help', shows: /quit/},
	{view: 'images', shows: /Images/},
	{view: 'history', shows: /\S/},
	{view: 'volumes', shows: /Volumes/},
	{view: 'networks', shows: /Networks/},
	{view: 'disk', shows: /\S/},
	{view: 'top', shows: /\S/},
	{view: 'inspect', shows: /\S/},
	{view: 'events', shows: /no events yet/},
	{view: 'logs', shows: /\S/},
];

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('every view against an empty store', () => {
	for (const {view, shows} of views) {
		test(`${view} renders without an error`, async () => {
			const errors: unknown[] = [];
			const original = console.error;
			console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
			try {
				const state = initialState({target: 'unix:///empty.sock', ui: {view}});
				const store = createStore({...state, connection: {...state.connection, status: 'up'}}, {batchMs: 0});
				app = await renderApp({store});
				const text = await app.waitForFrame(t => t.includes('connected') && shows.test(t), `the ${view} view`);
				// A few more frames: an endless update loop shows up as an error, not as a missing frame.
				await new Promise(resolve => setImmediate(resolve));
				const again = app.lastFrame();
				assert.doesNotMatch(text + again, /Maximum update depth|Minified React error|ERROR/);
				assert.deepEqual(errors.filter(e => /getSnapshot|Maximum update depth|React error/i.test(String(e))), []);
			} finally {
				console.error = original;
			}
		});
	}
});
