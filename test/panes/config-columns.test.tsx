import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {replaceContainers} from '../../source/store/containers-slice.js';
import {initialState} from '../../source/store/initial-state.js';
import {replaceImages, replaceNetworks, replaceVolumes} from '../../source/store/resources-slice.js';
import type {UiState} from '../../source/store/state.js';
import {createStore} from '../../source/store/store.js';
import {seededStore} from '../helpers/fixtures.js';
import {renderApp, type RenderedApp} from '../helpers/render-app.js';
import {resourceFixtures} from '../helpers/resource-fixtures.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

/** The header line of the table: the first line holding `first`. */
const header = (text: string, first: string) => (text.split('\n').find(line => line.includes(first)) ?? '').trim().split(/\s+/);

function resourceStore(ui: Partial<UiState>) {
	let state = initialState({target: 'unix:///fixture.sock', ui});
	state = replaceContainers(state, [resourceFixtures.container()]);
	state = replaceImages(state, resourceFixtures.images());
	state = replaceVolumes(state, resourceFixtures.volumes());
	state = replaceNetworks(state, resourceFixtures.networks());
	return createStore({...state, connection: {...state.connection, status: 'up'}}, {batchMs: 0});
}

describe('the columns a config picks, in its order', () => {
	test('containers', async () => {
		app = await renderApp({store: seededStore({ui: {columns: {containers: ['state', 'name', 'memory']}}})});
		const text = await app.waitForFrame(t => t.includes('STATE'), 'the table');
		assert.deepEqual(header(text, 'STATE'), ['STATE', 'NAME▲', 'MEM']);
	});
	const cases: Array<[UiState['view'], string[], string, string[]]> = [
		['images', ['size', 'name'], 'SIZE', ['SIZE', 'REPOSITORY:TAG']],
		['volumes', ['driver', 'name'], 'DRIVER', ['DRIVER', 'NAME']],
		['networks', ['subnet', 'name', 'driver'], 'SUBNET', ['SUBNET', 'NAME', 'DRIVER']],
	];
	for (const [view, columns, first, expected] of cases) {
		test(view, async () => {
			app = await renderApp({store: resourceStore({view, columns: {[view]: columns}})});
			const text = await app.waitForFrame(t => t.includes(first), `the ${view} table`);
			assert.deepEqual(header(text, first).map(title => title.replace(/[▲▼]$/, '')), expected);
		});
	}
});
