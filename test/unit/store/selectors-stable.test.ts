import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {recordEvent, selectEvents} from '../../../source/store/events-slice.js';
import {initialState} from '../../../source/store/initial-state.js';
import {hiddenImageCount, selectedImage, selectedNetwork, selectedVolume, selectImageRows, selectNetworkRows, selectVolumeRows, tableRows} from '../../../source/store/resources-selectors.js';
import {replaceImages, replaceNetworks, replaceVolumes, setDiskUsage} from '../../../source/store/resources-slice.js';
import {selectRows, selectSelected} from '../../../source/store/selectors.js';
import type {AppState} from '../../../source/store/state.js';
import {replaceContainers} from '../../../source/store/containers-slice.js';
import {fixtureRows} from '../../helpers/fixtures.js';
import {resourceFixtures} from '../../helpers/resource-fixtures.js';

// useSyncExternalStore compares snapshots by identity: a selector that builds a
// new object or array on each call, from the same state, re-renders for ever
// (React error #185). Every selector a pane could use must be stable.
const selectors: Array<[string, (state: AppState) => unknown]> = [
	['selectRows', selectRows],
	['selectSelected', selectSelected],
	['selectEvents', selectEvents],
	['selectImageRows', selectImageRows],
	['hiddenImageCount', hiddenImageCount],
	['selectVolumeRows', selectVolumeRows],
	['selectNetworkRows', selectNetworkRows],
	['tableRows.images', tableRows.images],
	['tableRows.volumes', tableRows.volumes],
	['tableRows.networks', tableRows.networks],
	['selectedImage', selectedImage],
	['selectedVolume', selectedVolume],
	['selectedNetwork', selectedNetwork],
];

const empty = initialState({target: 'test'});
let seeded = replaceContainers(initialState({target: 'test'}), fixtureRows());
seeded = replaceImages(seeded, resourceFixtures.images());
seeded = replaceVolumes(seeded, resourceFixtures.volumes());
seeded = replaceNetworks(seeded, resourceFixtures.networks());
seeded = setDiskUsage(seeded, resourceFixtures.disk());
seeded = recordEvent(seeded, {type: 'container', action: 'start', id: 'abc', attributes: {name: 'web'}, time: 0});

describe('selectors return the same value for the same state', () => {
	for (const [stateName, state] of [['an empty store', empty], ['a seeded store', seeded]] as const) {
		for (const [name, select] of selectors) {
			it(`${name} on ${stateName}`, () => assert.equal(select(state), select(state)));
		}
	}
});
