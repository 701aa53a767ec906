import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {StatsSample} from '../../../source/domain/stats.js';
import {replaceContainers} from '../../../source/store/containers-slice.js';
import {initialState} from '../../../source/store/initial-state.js';
import type {AppState} from '../../../source/store/state.js';
import {clearStats, historyCapacity, pushStats, pushStatsMany} from '../../../source/store/stats-slice.js';
import {fixtureRows} from '../../helpers/fixtures.js';

function sample(overrides: Partial<StatsSample>): StatsSample {
	return {time: 0, cpuPercent: 0, memoryUsage: 0, memoryLimit: 1 << 30, memoryPercent: 0, netRx: 0, netTx: 0, blockRead: 0, blockWrite: 0, pids: 1, ...overrides};
}

function fresh(): {state: AppState; id: string} {
	const rows = fixtureRows();
	const id = rows.find(row => row.name === 'burner')?.id;
	assert.ok(id);
	return {state: replaceContainers(initialState({target: 'unix:///test.sock'}), rows), id};
}

describe('pushStats rates', () => {
	const cases: Array<[string, Partial<StatsSample>, Partial<StatsSample>, {netRxRate: number; netTxRate: number; blockReadRate: number; blockWriteRate: number}]> = [
		['one second apart', {time: 1000, netRx: 0, netTx: 100, blockRead: 0, blockWrite: 0}, {time: 2000, netRx: 2048, netTx: 200, blockRead: 4096, blockWrite: 512}, {netRxRate: 2048, netTxRate: 100, blockReadRate: 4096, blockWriteRate: 512}],
		['half a second doubles', {time: 1000, netRx: 1000}, {time: 1500, netRx: 2000}, {netRxRate: 2000, netTxRate: 0, blockReadRate: 0, blockWriteRate: 0}],
		['counters reset after a restart give 0', {time: 1000, netRx: 5000, blockWrite: 900}, {time: 2000, netRx: 10, blockWrite: 0}, {netRxRate: 0, netTxRate: 0, blockReadRate: 0, blockWriteRate: 0}],
		['time not advancing gives 0', {time: 1000, netRx: 0}, {time: 1000, netRx: 500}, {netRxRate: 0, netTxRate: 0, blockReadRate: 0, blockWriteRate: 0}],
	];
	for (const [name, first, second, rates] of cases) {
		test(name, () => {
			const {state, id} = fresh();
			const one = pushStats(state, id, sample(first));
			const entry = one.stats.get(id);
			assert.ok(entry);
			assert.deepEqual([entry.netRxRate, entry.netTxRate, entry.blockReadRate, entry.blockWriteRate], [0, 0, 0, 0], 'the first sample has no rate');
			const two = pushStats(one, id, sample(second)).stats.get(id);
			assert.ok(two);
			assert.deepEqual({netRxRate: two.netRxRate, netTxRate: two.netTxRate, blockReadRate: two.blockReadRate, blockWriteRate: two.blockWriteRate}, rates);
			assert.deepEqual(two.latest, sample(second));
		});
	}
});

describe('pushStats history', () => {
	test('is capped at historyCapacity, keeping the newest', () => {
		let {state, id} = fresh();
		const total = historyCapacity + 25;
		for (let i = 0; i < total; i++) state = pushStats(state, id, sample({time: i * 1000, pids: i}));
		const entry = state.stats.get(id);
		assert.ok(entry);
		assert.equal(entry.history.size, historyCapacity);
		assert.equal(entry.history.at(0)?.pids, total - historyCapacity);
		assert.equal(entry.history.last()?.pids, total - 1);
		assert.equal(entry.version, total);
	});

	test('each push gives a new stats map and a new entry, so selectors see it', () => {
		const {state, id} = fresh();
		const one = pushStats(state, id, sample({time: 1}));
		const two = pushStats(one, id, sample({time: 2}));
		assert.notEqual(one.stats, two.stats);
		assert.notEqual(one.stats.get(id), two.stats.get(id));
		assert.equal(two.stats.get(id)?.version, 2);
	});

	test('samples for an unknown container are dropped', () => {
		const {state} = fresh();
		assert.equal(pushStats(state, 'unknown', sample({})), state);
	});
});

describe('clearStats', () => {
	test('forgets the container\'s figures', () => {
		const {state, id} = fresh();
		const withStats = pushStats(state, id, sample({}));
		const cleared = clearStats(withStats, id);
		assert.equal(cleared.stats.has(id), false);
		assert.equal(cleared.containers.has(id), true);
	});

	test('returns the same state when there is nothing to clear', () => {
		const {state, id} = fresh();
		assert.equal(clearStats(state, id), state);
	});
});

describe('pushStatsMany', () => {
	test('gives what one push after another gives, in one copy of the map, skipping unknown ids', () => {
		const {state, id} = fresh();
		const other = fixtureRows().find(row => row.id !== id && row.state === 'running')?.id;
		assert.ok(other);
		const samples: Array<[string, StatsSample]> = [[id, sample({time: 1000, netRx: 0})], [other, sample({time: 1000, cpuPercent: 3})], ['no-such-id', sample({})], [id, sample({time: 2000, netRx: 4096})]];
		const together = pushStatsMany(state, samples);
		assert.equal(together.stats.get(id)?.netRxRate, 4096);
		assert.equal(together.stats.get(id)?.version, 2);
		assert.equal(together.stats.get(other)?.latest.cpuPercent, 3);
		assert.equal(together.stats.has('no-such-id'), false);
		assert.notEqual(together.stats, state.stats, 'a new map, the old state untouched');
		assert.equal(state.stats.size, 0);
	});

	test('returns the same state when no sample is for a known container', () => {
		const {state} = fresh();
		assert.equal(pushStatsMany(state, [['no-such-id', sample({})]]), state);
		assert.equal(pushStatsMany(state, []), state);
	});
});
