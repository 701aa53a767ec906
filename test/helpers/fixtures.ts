import {readFileSync, readdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type {ContainerRow} from '../../source/domain/container.js';
import {computeSample, type RawStats} from '../../source/domain/stats-calc.js';
import {rowFromInspect} from '../../source/engine/container-mapping.js';
import {replaceContainers} from '../../source/store/containers-slice.js';
import {initialState} from '../../source/store/initial-state.js';
import type {UiState} from '../../source/store/state.js';
import {pushStats} from '../../source/store/stats-slice.js';
import {createStore, type Store} from '../../source/store/store.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Reads a JSON fixture by its path under test/fixtures. */
export function loadJson<T>(path: string): T {
	return JSON.parse(readFileSync(fixtures + path, 'utf8')) as T;
}

/** Every container captured from the real engine in test/fixtures/engine/inspect-*.json, as rows. */
export function fixtureRows(): ContainerRow[] {
	return readdirSync(fixtures + 'engine')
		.filter(file => file.startsWith('inspect-'))
		.sort()
		.map(file => rowFromInspect(loadJson(`engine/${file}`)));
}

/** A real store seeded with the captured containers, and real stats frames for the running ones. */
export function seededStore({ui, readOnly = false, rows = fixtureRows()}: {ui?: Partial<UiState>; readOnly?: boolean; rows?: ContainerRow[]} = {}): Store {
	let state = replaceContainers(initialState({target: 'unix:///fixture.sock', readOnly, ui}), rows);
	state = {...state, connection: {...state.connection, status: 'up'}};
	const frames = loadJson<RawStats[]>('stats/busy-stream.json');
	for (const row of rows.filter(row => row.state === 'running')) {
		for (const frame of frames) state = pushStats(state, row.id, computeSample(frame));
	}
	return createStore(state, {batchMs: 0});
}
