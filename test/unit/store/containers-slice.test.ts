import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type Dockerode from 'dockerode';
import type {ContainerRow} from '../../../source/domain/container.js';
import {rowFromSummary} from '../../../source/engine/container-mapping.js';
import {removeContainer, replaceContainers, upsertContainer} from '../../../source/store/containers-slice.js';
import {initialState} from '../../../source/store/initial-state.js';
import type {AppState} from '../../../source/store/state.js';
import {pushStats} from '../../../source/store/stats-slice.js';
import {fixtureRows, loadJson, seededStore} from '../../helpers/fixtures.js';

/** The state after a first load from inspects: the fullest rows we have. */
function inspected(): AppState {
	return replaceContainers(initialState({target: 'unix:///test.sock'}), fixtureRows());
}

/** The list endpoint's rows for the same containers, as a resync delivers them. */
function summaries(): ContainerRow[] {
	const names = new Set(fixtureRows().map(row => row.name));
	return loadJson<Dockerode.ContainerInfo[]>('engine/containers-list.json').map(rowFromSummary).filter(row => names.has(row.name));
}

function byName(state: AppState, name: string): ContainerRow {
	const row = [...state.containers.values()].find(r => r.name === name);
	assert.ok(row, `no row ${name}`);
	return row;
}

describe('replaceContainers', () => {
	test('marks the state loaded and holds every row by id', () => {
		const state = inspected();
		assert.equal(state.loaded, true);
		assert.equal(state.containers.size, fixtureRows().length);
		for (const [id, row] of state.containers) assert.equal(row.id, id);
	});

	test('a resync from the list keeps what only inspect knows', () => {
		const before = inspected();
		const after = replaceContainers(before, summaries());
		const cases: Array<[string, keyof ContainerRow]> = [
			['burner', 'startedAt'],
			['web-healthy', 'startedAt'],
			['job-failed', 'finishedAt'],
			['burner', 'tty'],
			['burner', 'restartCount'],
		];
		for (const [name, field] of cases) {
			assert.deepEqual(byName(after, name)[field], byName(before, name)[field], `${name}.${field}`);
		}
		assert.ok(byName(after, 'burner').startedAt > 0, 'the summary alone has no start time');
		assert.equal(byName(after, 'web-healthy').health, 'healthy');
		assert.equal(byName(after, 'job-failed').exitCode, 3);
	});

	test('a state change drops the old run\'s times', () => {
		const before = inspected();
		const stopped = summaries().map(row => row.name === 'burner' ? {...row, state: 'exited' as const} : row);
		const after = replaceContainers(before, stopped);
		assert.equal(byName(after, 'burner').startedAt, 0);
		assert.equal(byName(after, 'burner').state, 'exited');
	});

	test('rows absent from the new list go, with their stats', () => {
		const state = seededStore().getSnapshot();
		const burner = byName(state, 'burner');
		assert.ok(state.stats.has(burner.id));
		const after = replaceContainers(state, fixtureRows().filter(row => row.name !== 'burner'));
		assert.equal(after.containers.has(burner.id), false);
		assert.equal(after.stats.has(burner.id), false);
		assert.equal(after.stats.size, state.stats.size - 1);
	});
});

describe('upsertContainer and removeContainer', () => {
	test('upsert replaces one row and leaves the others', () => {
		const before = inspected();
		const row = {...byName(before, 'paused-one'), state: 'running' as const};
		const after = upsertContainer(before, row);
		assert.equal(byName(after, 'paused-one').state, 'running');
		assert.equal(after.containers.size, before.containers.size);
		assert.equal(byName(before, 'paused-one').state, 'paused', 'the old state is not mutated');
	});

	test('remove drops the row and its stats', () => {
		const state = seededStore().getSnapshot();
		const id = byName(state, 'demo-1').id;
		const after = removeContainer(state, id);
		assert.equal(after.containers.has(id), false);
		assert.equal(after.stats.has(id), false);
		assert.ok(state.stats.has(id), 'the old state is not mutated');
	});

	test('remove of an unknown id returns the same state', () => {
		const state = inspected();
		assert.equal(removeContainer(state, 'nope'), state);
	});

	test('stats for a removed container are ignored', () => {
		const state = removeContainer(inspected(), byName(inspected(), 'burner').id);
		const id = byName(inspected(), 'burner').id;
		assert.equal(pushStats(state, id, {time: 1, cpuPercent: 1, memoryUsage: 1, memoryLimit: 1, memoryPercent: 1, netRx: 0, netTx: 0, blockRead: 0, blockWrite: 0, pids: 1}), state);
	});
});
