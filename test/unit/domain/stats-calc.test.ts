import assert from 'node:assert/strict';
import {describe, it, test} from 'node:test';
import {computeCpuPercent, computeSample, cpuBase, type RawStats} from '../../../source/domain/stats-calc.js';
import {calmLongEnough, extendCalm, isQuiet, type CalmRun, type StatsSample} from '../../../source/domain/stats.js';
import {
	blkio,
	blkioThrottled,
	cgroup2,
	copy,
	memoryLimit,
	near,
	oneShot,
	podmanFirst,
	podmanOneShot,
	podmanSecond,
	streamFirst,
	streamSecond,
} from './stats-fixtures.js';

const hostMemory = 25_276_026_880; // memory_stats.limit when unlimited: this host's RAM

/** Compares a sample field by field, the percentages approximately. */
function assertSample(actual: StatsSample, expected: StatsSample): void {
	near(actual.cpuPercent, expected.cpuPercent, 'cpuPercent');
	near(actual.memoryPercent, expected.memoryPercent, 'memoryPercent');
	assert.deepEqual(
		{...actual, cpuPercent: 0, memoryPercent: 0},
		{...expected, cpuPercent: 0, memoryPercent: 0},
	);
}

describe('computeSample on real and hand-made fixtures', () => {
	const cases: Array<{name: string; raw: RawStats; expected: StatsSample}> = [
		{
			// First frame of a stream: precpu is empty, so there is no base yet.
			// usage 634880 - total_inactive_file 0 = 634880.
			name: 'busy-stream.json frame 0 (empty precpu)',
			raw: streamFirst,
			expected: {
				time: 1_795_539_573_404, // 2026-11-24T16:59:33.404966597Z, ms
				cpuPercent: 0,
				memoryUsage: 634_880,
				memoryLimit: hostMemory,
				memoryPercent: 0.002_511_787, // 634880 / 25276026880 * 100
				netRx: 0, // no "networks" key: --bridge none
				netTx: 0,
				blockRead: 0, // io_service_bytes_recursive: []
				blockWrite: 0,
				pids: 1,
			},
		},
		{
			// cpuDelta 4163694925 - 3155875540 = 1007819385
			// systemDelta 531740000000 - 529730000000 = 2010000000
			// 1007819385 / 2010000000 * 2 cpus * 100 = 100.280536 (one core spinning on `yes`)
			name: 'busy-stream.json frame 1',
			raw: streamSecond,
			expected: {
				time: 1_795_539_574_413, // 2026-11-24T16:59:34.413382782Z
				cpuPercent: 100.280_535_821,
				memoryUsage: 634_880,
				memoryLimit: hostMemory,
				memoryPercent: 0.002_511_787,
				netRx: 0,
				netTx: 0,
				blockRead: 0,
				blockWrite: 0,
				pids: 1,
			},
		},
		{
			// stream=false: dockerd waits for a second read, so precpu is filled.
			// cpuDelta 14730232605 - 13718312134 = 1011920471
			// systemDelta 552920000000 - 550920000000 = 2000000000
			// 1011920471 / 2000000000 * 2 * 100 = 101.192047
			name: 'busy-one-shot.json',
			raw: oneShot,
			expected: {
				time: 1_795_539_585_026, // 2026-11-24T16:59:45.026097952Z
				cpuPercent: 101.192_047_1,
				memoryUsage: 634_880,
				memoryLimit: hostMemory,
				memoryPercent: 0.002_511_787,
				netRx: 0,
				netTx: 0,
				blockRead: 0,
				blockWrite: 0,
				pids: 1,
			},
		},
		{
			// cpuDelta 134548876 - 134548876 = 0 -> 0 (idle in `sleep`).
			// Read 20971520 + Write 20971520; Sync 41943040 and Total 41943040 not counted.
			// memory 610304 - 0 = 610304; 610304 / 25276026880 * 100 = 0.0024145567
			name: 'blkio-write-read.json',
			raw: blkio,
			expected: {
				time: 1_795_539_681_284, // 2026-11-24T17:01:21.284403341Z
				cpuPercent: 0,
				memoryUsage: 610_304,
				memoryLimit: hostMemory,
				memoryPercent: 0.002_414_557,
				netRx: 0,
				netTx: 0,
				blockRead: 20_971_520, // 20 MiB read back with iflag=direct
				blockWrite: 20_971_520, // 20 MiB written with oflag=direct
				pids: 1,
			},
		},
		{
			// Read 20971520, Write 20996096; Discard 20971520, Sync, Total ignored.
			// memory 729088 - 0; 729088 / 25276026880 * 100 = 0.0028845040
			name: 'blkio-throttled-discard.json',
			raw: blkioThrottled,
			expected: {
				time: 1_795_539_615_675, // 2026-11-24T17:00:15.675359416Z
				cpuPercent: 0, // 110993035 - 110993035 = 0
				memoryUsage: 729_088,
				memoryLimit: hostMemory,
				memoryPercent: 0.002_884_504,
				netRx: 0,
				netTx: 0,
				blockRead: 20_971_520,
				blockWrite: 20_996_096,
				pids: 1,
			},
		},
		{
			// cgroup v1 with -m 64m and 16 MiB of page cache:
			// usage 17797120 - total_inactive_file 15728640 = 2068480 (docker stats: 1.973MiB)
			// 2068480 / 67108864 * 100 = 3.082275390625 (docker stats: 3.08%)
			name: 'memory-limit-64m.json',
			raw: memoryLimit,
			expected: {
				time: 1_795_539_628_875, // 2026-11-24T17:00:28.875698238Z
				cpuPercent: 0, // 88827008 - 88827008 = 0
				memoryUsage: 2_068_480,
				memoryLimit: 67_108_864,
				memoryPercent: 3.082_275_390_625,
				netRx: 0,
				netTx: 0,
				blockRead: 4096,
				blockWrite: 0,
				pids: 1,
			},
		},
		{
			// Hand-made cgroup v2 frame (see the fixtures README).
			// cpu: (2500000000 - 2000000000) / (10004000000000 - 10000000000000) * 4 * 100 = 50
			// memory: 52428800 - inactive_file 10485760 = 41943040; / 134217728 * 100 = 31.25
			// net: rx 1000 + 500 = 1500, tx 2000 + 250 = 2250
			// block: read 1232896 + 8192 = 1241088, write 4096 + 1048576 = 1052672
			name: 'cgroup2-with-network.json',
			raw: cgroup2,
			expected: {
				time: 1_714_644_002_000, // 2024-05-02T10:00:02Z
				cpuPercent: 50,
				memoryUsage: 41_943_040,
				memoryLimit: 134_217_728,
				memoryPercent: 31.25,
				netRx: 1500,
				netTx: 2250,
				blockRead: 1_241_088,
				blockWrite: 1_052_672,
				pids: 7,
			},
		},
	];

	for (const {name, raw, expected} of cases) {
		it(name, () => {
			assertSample(computeSample(raw), expected);
		});
	}
});

describe('computeCpuPercent', () => {
	const cases: Array<{name: string; raw: RawStats; prev?: {totalUsage: number; systemUsage: number}; expected: number}> = [
		{name: 'first stream frame, empty precpu', raw: streamFirst, expected: 0},
		{
			// prev is frame 0 itself: the same deltas as frame 1's precpu -> 100.280536
			name: 'prev equal to precpu gives the same answer',
			raw: streamSecond,
			prev: cpuBase(streamFirst),
			expected: 100.280_535_821,
		},
		{
			// prev replaces precpu: one-shot polled 11 s after stream frame 1.
			// (14730232605 - 4163694925) / (552920000000 - 531740000000) * 2 * 100
			// = 10566537680 / 21180000000 * 200 = 99.778448
			name: 'one-shot with our own prev sample',
			raw: oneShot,
			prev: cpuBase(streamSecond),
			expected: 99.778_448_347,
		},
		{name: 'prev with no system usage yet', raw: oneShot, prev: {totalUsage: 0, systemUsage: 0}, expected: 0},
		{
			name: 'counters went backwards (restart) -> 0, not negative',
			raw: streamFirst,
			prev: cpuBase(oneShot),
			expected: 0,
		},
		{
			// no online_cpus: falls back to percpu_usage.length (2) -> same as with it
			name: 'online_cpus missing, cgroup v1 percpu_usage counts cores',
			raw: {...copy(streamSecond), cpu_stats: {...streamSecond.cpu_stats, online_cpus: undefined}},
			expected: 100.280_535_821,
		},
		{
			// neither online_cpus nor percpu_usage (cgroup v2 without it): count 1 core.
			// 500000000 / 4000000000 * 1 * 100 = 12.5
			name: 'online_cpus and percpu_usage missing -> 1 cpu',
			raw: {...copy(cgroup2), cpu_stats: {...cgroup2.cpu_stats, online_cpus: 0}},
			expected: 12.5,
		},
		{name: 'no cpu_stats at all', raw: {read: streamFirst.read, cpu_stats: null, precpu_stats: null}, expected: 0},
		{name: 'Podman one-shot: zero precpu, nothing to compare with -> 0, not a lifetime average', raw: podmanOneShot, expected: 0},
		{
			// Hand-made from the Podman one-shot: precpu's system counter filled but preread at the zero time.
			// Taking precpu as a base would give 1452567572 / (942878924607 - 900000000000) * 200 = 6.77 %.
			name: 'a zero preread means no previous reading, whatever precpu holds',
			raw: {...copy(podmanOneShot), precpu_stats: {cpu_usage: {total_usage: 0}, system_cpu_usage: 900_000_000_000}},
			expected: 0,
		},
		{name: 'Podman stream, first frame: precpu is a read 2 ms earlier with no CPU used -> 0', raw: podmanFirst, expected: 0},
		{
			// (3673803941 - 1561104312) / (953467086054 - 943494771443) * 2 * 100, over Podman's 5 s between frames
			name: 'Podman stream, second frame: against its precpu',
			raw: podmanSecond,
			expected: 42.371_299_170,
		},
		{
			// (3673803941 - 1452567572) / (953467086054 - 942878924607) * 2 * 100
			name: 'Podman one-shot polled, then a frame compared with our own prev',
			raw: podmanSecond,
			prev: cpuBase(podmanOneShot),
			expected: 41.956_979_597,
		},
	];

	for (const {name, raw, prev, expected} of cases) {
		it(name, () => {
			near(computeCpuPercent(raw, prev), expected, name);
		});
	}

	it('cpuBase reads the two cumulative counters', () => {
		assert.deepEqual(cpuBase(oneShot), {totalUsage: 14_730_232_605, systemUsage: 552_920_000_000});
		assert.deepEqual(cpuBase({read: oneShot.read}), {totalUsage: 0, systemUsage: 0});
	});
});

describe('isQuiet', () => {
	const base: StatsSample = {time: 1000, cpuPercent: 0.1, memoryUsage: 300 * 1024, memoryLimit: 1 << 30, memoryPercent: 0.03, netRx: 10, netTx: 20, blockRead: 4096, blockWrite: 0, pids: 1};
	const next = (overrides: Partial<StatsSample>): StatsSample => ({...base, time: 2000, ...overrides});

	test('an idle container is quiet', () => {
		assert.equal(isQuiet(base, next({})), true);
		assert.equal(isQuiet(base, next({memoryUsage: base.memoryUsage + 4096})), true, 'a few KiB of memory drift');
	});

	const moves: Array<[string, Partial<StatsSample>]> = [
		['CPU at half a percent', {cpuPercent: 0.5}],
		['memory up 2 MiB', {memoryUsage: base.memoryUsage + 2 * 1024 * 1024}],
		['a byte received', {netRx: 11}],
		['a byte sent', {netTx: 21}],
		['a block read', {blockRead: 8192}],
		['a block written', {blockWrite: 512}],
		['a new process', {pids: 2}],
	];
	for (const [name, overrides] of moves) {
		test(`${name} is not quiet`, () => {
			assert.equal(isQuiet(base, next(overrides)), false);
		});
	}

	test('1% of a large container memory is still quiet', () => {
		const big = {...base, memoryUsage: 1024 ** 3};
		assert.equal(isQuiet(big, {...big, time: 2000, memoryUsage: big.memoryUsage + 5 * 1024 * 1024}), true);
		assert.equal(isQuiet(big, {...big, time: 2000, memoryUsage: big.memoryUsage + 20 * 1024 * 1024}), false);
	});
});

describe('calm runs: quiet for long enough, in engine time', () => {
	const still = (time: number): StatsSample => ({time, cpuPercent: 0.1, memoryUsage: 300 * 1024, memoryLimit: 1 << 30, memoryPercent: 0.03, netRx: 10, netTx: 20, blockRead: 0, blockWrite: 0, pids: 1});
	/** Feeds samples `everyMs` apart from t=0 and says after how many the run was long enough for `afterMs`. */
	function samplesUntilQuiet(everyMs: number, afterMs: number, moveAt?: number): number | undefined {
		let run: CalmRun | undefined;
		let previous = still(0);
		for (let n = 1; n <= 100; n++) {
			const sample = n === moveAt ? {...still(n * everyMs), cpuPercent: 30} : still(n * everyMs);
			run = extendCalm(run, previous, sample);
			previous = sample;
			if (run && calmLongEnough(run, sample, afterMs)) return n;
		}
		return undefined;
	}
	const cases: Array<[name: string, everyMs: number, afterMs: number, moveAt: number | undefined, expected: number]> = [
		['Docker, a frame a second: 10 s is 10 samples', 1000, 10_000, undefined, 10],
		['Podman, a frame every 5 s: 10 s is 2 samples, not 50 s of them', 5000, 10_000, undefined, 2],
		['one sample is never enough, however far apart', 60_000, 10_000, undefined, 2],
		['a sample that moves starts the run again', 1000, 10_000, 5, 15],
		['the test setting: 2 s at a frame a second', 1000, 2000, undefined, 2],
	];
	for (const [name, everyMs, afterMs, moveAt, expected] of cases) {
		test(name, () => assert.equal(samplesUntilQuiet(everyMs, afterMs, moveAt), expected));
	}

	test('a moved sample ends the run', () => {
		assert.equal(extendCalm({since: 0, count: 4}, still(4000), {...still(5000), cpuPercent: 30}), undefined);
		assert.deepEqual(extendCalm(undefined, still(4000), still(5000)), {since: 4000, count: 1});
	});
});
