import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {moveTableSelection} from '../../../source/actions/table-commands.js';
import {replaceContainers} from '../../../source/store/containers-slice.js';
import {initialState} from '../../../source/store/initial-state.js';
import {hiddenImageCount, selectedImage, selectImageRows, selectNetworkRows, selectVolumeRows} from '../../../source/store/resources-selectors.js';
import {replaceImages, replaceNetworks, replaceVolumes, setDiskUsage, setResourceError, sortTable, toggleUntagged} from '../../../source/store/resources-slice.js';
import type {AppState} from '../../../source/store/state.js';
import {setUi, setView} from '../../../source/store/ui-slice.js';
import {kindsForEvent} from '../../../source/sync/resource-sync.js';
import {resourceFixtures} from '../../helpers/resource-fixtures.js';

function seeded(): AppState {
	let state = initialState({target: 'unix:///fixture.sock'});
	state = replaceContainers(state, [resourceFixtures.container()]);
	state = replaceImages(state, resourceFixtures.images());
	state = replaceVolumes(state, resourceFixtures.volumes());
	state = replaceNetworks(state, resourceFixtures.networks());
	return setDiskUsage(state, resourceFixtures.disk());
}

describe('resource slices', () => {
	test('a re-list with the same content keeps the same state object', () => {
		const state = seeded();
		assert.equal(replaceImages(state, resourceFixtures.images()), state);
		assert.equal(replaceVolumes(state, resourceFixtures.volumes()), state);
		assert.equal(replaceNetworks(state, resourceFixtures.networks()), state);
		assert.equal(setDiskUsage(state, resourceFixtures.disk()), state);
	});

	test('an error is shown until the next good list', () => {
		const failed = setResourceError(seeded(), 'images', 'cannot talk to the engine');
		assert.equal(failed.resources.errors.images, 'cannot talk to the engine');
		assert.equal(replaceImages(failed, resourceFixtures.images()).resources.errors.images, undefined);
	});
});

describe('image rows', () => {
	test('tagged rows only by default, untagged ones with the toggle', () => {
		const state = seeded();
		assert.deepEqual(selectImageRows(state).map(row => row.tag), ['fixture/app:1.0', 'fixture/app:latest', 'porthole-test/busybox:1']);
		assert.equal(hiddenImageCount(state), 1);
		const all = toggleUntagged(state);
		assert.equal(selectImageRows(all).length, 4);
		assert.equal(hiddenImageCount(all), 0);
	});

	test('users come from the containers, shared size from disk usage', () => {
		const [app] = selectImageRows(seeded());
		assert.deepEqual(app?.users, ['fx-web']);
		assert.ok((app?.sharedSize ?? -1) >= 0);
	});

	const sorts: Array<[string, boolean, string[]]> = [
		['size', true, ['fixture/app:1.0', 'fixture/app:latest', 'porthole-test/busybox:1']],
		['size', false, ['porthole-test/busybox:1', 'fixture/app:1.0', 'fixture/app:latest']],
		['containers', true, ['fixture/app:1.0', 'fixture/app:latest', 'porthole-test/busybox:1']],
	];
	for (const [column, descending, order] of sorts) {
		test(`sort by ${column} ${descending ? 'descending' : 'ascending'} is stable (ties by key)`, () => {
			let state = seeded();
			state = {...state, resources: {...state.resources, tables: {...state.resources.tables, images: {sort: {column, descending}}}}};
			assert.deepEqual(selectImageRows(state).map(row => row.tag), order);
		});
	}

	test('sortTable flips on the same column; sizes start biggest first', () => {
		const state = sortTable(seeded(), 'images', 'size');
		assert.deepEqual(state.resources.tables.images.sort, {column: 'size', descending: true});
		assert.deepEqual(sortTable(state, 'images', 'size').resources.tables.images.sort, {column: 'size', descending: false});
	});

	test('filter matches tag or ID, and the selection moves within what is shown', () => {
		let state = setUi(seeded(), {filter: 'fixture'});
		assert.equal(selectImageRows(state).length, 2);
		state = moveTableSelection(state, 'images', 'last');
		assert.equal(selectedImage(state)?.tag, 'fixture/app:latest');
		state = moveTableSelection(state, 'images', 5);
		assert.equal(selectedImage(state)?.tag, 'fixture/app:latest');
	});
});

describe('volume and network rows', () => {
	test('volumes carry size, users and the anonymous mark', () => {
		const rows = selectVolumeRows(seeded());
		const named = rows.find(row => row.name === 'fx-data');
		assert.deepEqual(named?.users, ['fx-web']);
		assert.ok((named?.size ?? -1) >= 0);
		assert.equal(rows.filter(row => row.anonymous).length, 1);
	});

	test('networks carry subnets and attached containers', () => {
		const net = selectNetworkRows(seeded()).find(row => row.name === 'fx-net');
		assert.deepEqual(net?.subnets, ['10.123.0.0/24']);
		assert.deepEqual(net?.containers.map(member => member.name), ['fx-svc']);
	});
});

describe('each table keeps its own filter', () => {
	test('containers → images → containers restores each filter; help leaves it alone', () => {
		let state = setUi(seeded(), {filter: 'web'});
		state = setView(state, 'images');
		assert.equal(state.ui.filter, '');
		state = setUi(state, {filter: 'fixture'});
		state = setView(state, 'help');
		assert.equal(state.ui.filter, 'fixture');
		state = setView(state, 'containers');
		assert.equal(state.ui.filter, 'web');
		state = setView(state, 'images');
		assert.equal(state.ui.filter, 'fixture');
	});
});

describe('kindsForEvent', () => {
	const cases: Array<[string, string, string[]]> = [
		['image', 'pull', ['images', 'disk']],
		['image', 'tag', ['images', 'disk']],
		['image', 'untag', ['images', 'disk']],
		['image', 'delete', ['images', 'disk']],
		['volume', 'create', ['volumes', 'disk']],
		['volume', 'destroy', ['volumes', 'disk']],
		['volume', 'mount', ['disk']],
		['network', 'connect', ['networks']],
		['container', 'start', []],
		['plugin', 'enable', []],
	];
	for (const [type, action, kinds] of cases) test(`${type} ${action}`, () => assert.deepEqual(kindsForEvent({type, action}), kinds));
});
