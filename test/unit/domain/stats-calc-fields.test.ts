import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
	computeBlockIo,
	computeMemoryUsage,
	computeNetwork,
	computeSample,
	rate,
	type RawStats,
} from '../../../source/domain/stats-calc.js';
import {cgroup2, copy, memoryLimit, near, streamFirst, streamSecond} from './stats-fixtures.js';

describe('computeMemoryUsage: cgroup v1 vs v2', () => {
	const mem = (usage: number, stats: Record<string, number> | null): RawStats => ({
		read: cgroup2.read,
		memory_stats: {usage, stats, limit: 1000},
	});
	const cases: Array<{name: string; raw: RawStats; expected: number}> = [
		{name: 'v1 fixture: usage - total_inactive_file', raw: memoryLimit, expected: 17_797_120 - 15_728_640},
		{name: 'v2 fixture: usage - inactive_file', raw: cgroup2, expected: 52_428_800 - 10_485_760},
		{name: 'v1 prefers total_inactive_file over inactive_file', raw: mem(1000, {total_inactive_file: 300, inactive_file: 100}), expected: 700},
		{
			// docker/cli falls through to the v2 key when the v1 one is not smaller than usage
			name: 'v1 total_inactive_file >= usage falls back to inactive_file',
			raw: mem(1000, {total_inactive_file: 1000, inactive_file: 100}),
			expected: 900,
		},
		{name: 'v2 inactive_file >= usage is not subtracted', raw: mem(1000, {inactive_file: 1200}), expected: 1000},
		{name: 'no cache keys at all', raw: mem(1000, {anon: 1000}), expected: 1000},
		{name: 'stats null', raw: mem(1000, null), expected: 1000},
		{name: 'memory_stats missing (stopped container)', raw: {read: cgroup2.read}, expected: 0},
	];

	for (const {name, raw, expected} of cases) {
		it(name, () => {
			assert.equal(computeMemoryUsage(raw), expected);
		});
	}

	it('percent is 0 when the limit is 0 (no data from the cgroup)', () => {
		assert.equal(computeSample({read: cgroup2.read, memory_stats: {usage: 5, limit: 0}}).memoryPercent, 0);
	});
});

describe('missing and null fields', () => {
	const cases: Array<{name: string; raw: RawStats; net: {rx: number; tx: number}; block: {read: number; write: number}}> = [
		{name: 'networks absent', raw: {read: cgroup2.read}, net: {rx: 0, tx: 0}, block: {read: 0, write: 0}},
		{
			name: 'networks null, blkio arrays null (as dockerd returns on some hosts)',
			raw: {...copy(cgroup2), networks: null, blkio_stats: {io_service_bytes_recursive: null}},
			net: {rx: 0, tx: 0},
			block: {read: 0, write: 0},
		},
		{
			name: 'blkio_stats null, interface missing counters',
			raw: {read: cgroup2.read, blkio_stats: null, networks: {eth0: {rx_bytes: 7}, lo: {}}},
			net: {rx: 7, tx: 0},
			block: {read: 0, write: 0},
		},
		{
			name: 'ops in any case; entries without op or value skipped',
			raw: {
				read: cgroup2.read,
				blkio_stats: {
					io_service_bytes_recursive: [
						{op: 'READ', value: 1},
						{op: 'Write', value: 2},
						{op: 'write', value: 4},
						{op: 'read'},
						{op: '', value: 100},
						{value: 100},
						{op: 'Total', value: 100},
					],
				},
			},
			net: {rx: 0, tx: 0},
			block: {read: 1, write: 6},
		},
	];

	for (const {name, raw, net, block} of cases) {
		it(name, () => {
			assert.deepEqual(computeNetwork(raw), net);
			assert.deepEqual(computeBlockIo(raw), block);
		});
	}

	it('a bare frame gives an all-zero sample', () => {
		assert.deepEqual(computeSample({read: '2024-05-02T10:00:02Z', pids_stats: null}), {
			time: 1_714_644_002_000,
			cpuPercent: 0,
			memoryUsage: 0,
			memoryLimit: 0,
			memoryPercent: 0,
			netRx: 0,
			netTx: 0,
			blockRead: 0,
			blockWrite: 0,
			pids: 0,
		});
	});
});

describe('rate', () => {
	const cases: Array<{name: string; args: [number, number, number, number]; expected: number}> = [
		{name: '1000 bytes over 2 s', args: [500, 10_000, 2500, 12_000], expected: 1000},
		{name: 'no change', args: [500, 10_000, 500, 11_000], expected: 0},
		{name: 'sub-second interval', args: [0, 0, 100, 250], expected: 400},
		{name: 'time does not advance', args: [0, 10_000, 100, 10_000], expected: 0},
		{name: 'time goes backwards', args: [0, 10_000, 100, 9000], expected: 0},
		{name: 'counter reset (container restarted)', args: [20_971_520, 10_000, 4096, 11_000], expected: 0},
		{name: 'NaN time (unparsable read)', args: [0, Number.NaN, 100, 1000], expected: 0},
		{
			// the two real stream frames are 1009 ms apart (33.404 s -> 34.413 s once truncated to ms)
			name: 'between real frames',
			args: [0, Date.parse(streamFirst.read), 1009, Date.parse(streamSecond.read)],
			expected: 1000,
		},
	];

	for (const {name, args, expected} of cases) {
		it(name, () => {
			near(rate(...args), expected, name);
		});
	}
});
