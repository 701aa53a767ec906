import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {computeBlockIo, computeCpuPercent, computeMemoryUsage, computeNetwork, cpuBase} from '../../source/domain/stats-calc.js';
import {cgroupReader, type CgroupLocation} from '../../source/engine/cgroup-reader.js';
import {replaceContainers} from '../../source/store/containers-slice.js';
import {initialState} from '../../source/store/initial-state.js';
import {statsSourceLine} from '../../source/store/stats-source-slice.js';
import {createStore} from '../../source/store/store.js';
import {setVisibleContainers} from '../../source/store/visibility-slice.js';
import {CgroupStats} from '../../source/sync/cgroup-stats.js';
import {StatsStreams} from '../../source/sync/stats-streams.js';
import {docker, TestContainers} from '../helpers/engine.js';
import {testEngine} from '../helpers/live-sync.js';
import {waitFor} from '../helpers/wait.js';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** a <= b <= c, with the figures in the message. */
function bracketed(what: string, a: number, b: number, c: number): void {
	assert.ok(a <= b && b <= c, `${what}: the API's ${b} lies between the cgroup readings before (${a}) and after (${c})`);
}

describe('stats read from cgroup files on the engine host', () => {
	const containers = new TestContainers();
	const engine = testEngine();
	const reader = cgroupReader();
	let busy = '';
	let idle = '';
	let location: CgroupLocation;
	const unreadable = mkdtempSync(join(tmpdir(), 'porthole-no-cgroup-'));

	before(async () => {
		// Half a core, and a memory limit, so the figures have something to agree on.
		busy = await containers.run(containers.name('cg-busy'), ['sh', '-c', 'while :; do :; done'], ['--cpus', '0.5', '--memory', '64m']);
		idle = await containers.run(containers.name('cg-idle'), ['sleep', '300']);
		const pid = Number(await docker('inspect', '-f', '{{.State.Pid}}', busy));
		const found = reader.locate(busy, pid, false);
		assert.ok(found, `the busy container's cgroup is found from its pid ${pid} (is the engine on this machine, with cgroups readable?)`);
		location = found;
	});

	after(async () => {
		await containers.cleanup();
		rmSync(unreadable, {recursive: true, force: true});
	});

	it('the pid of another container is not taken for this one', async () => {
		const pid = Number(await docker('inspect', '-f', '{{.State.Pid}}', idle));
		assert.equal(reader.locate(busy, pid, false), undefined);
		assert.equal(reader.locate(busy, 999_999_999, false), undefined, 'no such process');
	});

	it("the figures match the API's one-shot stats (what docker stats reads)", async () => {
		const before0 = reader.read(location);
		const api0 = await engine.statsOnce(busy, {oneShot: true});
		const after0 = reader.read(location);
		// Cumulative counters: the engine's reading falls between ours.
		bracketed('CPU time', before0.cpu_stats!.cpu_usage!.total_usage!, api0.cpu_stats!.cpu_usage!.total_usage!, after0.cpu_stats!.cpu_usage!.total_usage!);
		bracketed('host CPU time', before0.cpu_stats!.system_cpu_usage!, api0.cpu_stats!.system_cpu_usage!, after0.cpu_stats!.system_cpu_usage!);
		assert.equal(after0.cpu_stats!.online_cpus, api0.cpu_stats!.online_cpus, 'online CPUs');
		const io = [before0, api0, after0].map(raw => computeBlockIo(raw));
		bracketed('block read', io[0]!.read, io[1]!.read, io[2]!.read);
		bracketed('block write', io[0]!.write, io[1]!.write, io[2]!.write);
		// Memory less cache, its limit, processes and network as docker stats shows them.
		const memory = [api0, after0].map(raw => computeMemoryUsage(raw));
		assert.ok(Math.abs(memory[0]! - memory[1]!) <= 256 * 1024, `memory less cache: API ${memory[0]}, cgroup ${memory[1]}`);
		assert.equal(after0.memory_stats!.limit, api0.memory_stats!.limit, 'memory limit');
		assert.equal(after0.memory_stats!.limit, 64 * 1024 * 1024);
		assert.equal(after0.pids_stats!.current, api0.pids_stats!.current, 'processes');
		assert.deepEqual(computeNetwork(after0), computeNetwork(api0), 'network counters');

		// CPU use over the same second, from either source: about the half core it is allowed.
		await sleep(1000);
		const before1 = reader.read(location);
		const api1 = await engine.statsOnce(busy, {oneShot: true});
		const ours = computeCpuPercent(before1, cpuBase(before0));
		const theirs = computeCpuPercent(api1, cpuBase(api0));
		assert.ok(Math.abs(ours - theirs) <= 10, `CPU %: cgroup ${ours.toFixed(1)}, API ${theirs.toFixed(1)}`);
		assert.ok(ours > 20, `the busy container uses CPU (${ours.toFixed(1)}%)`);
	});

	function owner(cgroupRoot?: string) {
		const store = createStore(initialState({target: engine.description}), {batchMs: 0});
		const api = new StatsStreams(engine, store, {flushMs: 100});
		const stats = new CgroupStats(engine, store, api, cgroupRoot ? cgroupReader({cgroupRoot}) : reader, {host: undefined, tickMs: 300, flushMs: 100});
		return {store, api, stats};
	}

	async function onScreen(store: ReturnType<typeof owner>['store']): Promise<void> {
		const rows = await engine.listContainers();
		store.update(state => setVisibleContainers(replaceContainers(state, rows.filter(row => row.id === busy || row.id === idle)), [busy]));
		store.flush();
	}

	it('the owner reads the busy container from its cgroup, with no stats stream, and says so', async () => {
		const {store, api, stats} = owner();
		try {
			await onScreen(store);
			stats.ensure(busy);
			stats.ensure(idle);
			await waitFor(() => (store.getSnapshot().stats.get(busy)?.latest.cpuPercent ?? 0) > 20, {timeoutMs: 10_000, what: 'CPU use from the cgroup'});
			assert.deepEqual(stats.cgroupIds, [busy], 'only the container on screen is located');
			assert.deepEqual(api.active, [], 'no stats stream opened');
			assert.deepEqual(stats.active, []);
			assert.equal(store.getSnapshot().stats.get(busy)?.latest.memoryLimit, 64 * 1024 * 1024);
			assert.equal(statsSourceLine(store.getSnapshot()), 'Stats from cgroup files');
			// On screen: read every tick; off screen: not even located before the poll interval.
			const version = (id: string) => store.getSnapshot().stats.get(id)?.version ?? 0;
			const busyBefore = version(busy);
			await sleep(1500);
			assert.ok(version(busy) >= busyBefore + 2, `on screen: read every tick (${busyBefore} -> ${version(busy)})`);
			assert.equal(version(idle), 0, 'off screen: no reading yet');
			assert.ok(stats.polled.includes(idle));
			// Scrolled into view: located and read.
			store.update(state => setVisibleContainers(state, [busy, idle]));
			store.flush();
			await waitFor(() => version(idle) > 0, {timeoutMs: 5000, what: 'a reading of the container come on screen'});
			assert.deepEqual(stats.cgroupIds.sort(), [busy, idle].sort());
			stats.stop(busy);
			stats.stop(idle);
			assert.deepEqual(stats.polled, [], 'nothing left to read');
		} finally {
			stats.close();
		}
	});

	it('falls back to the API when the cgroup files cannot be read', async () => {
		const {store, api, stats} = owner(unreadable);
		try {
			await onScreen(store);
			stats.ensure(busy);
			await waitFor(() => stats.apiIds.includes(busy), {timeoutMs: 10_000, what: 'the container handed to the API'});
			assert.deepEqual(stats.cgroupIds, []);
			assert.deepEqual(api.active, [busy], 'a stats stream for the container on screen');
			await waitFor(() => (store.getSnapshot().stats.get(busy)?.latest.cpuPercent ?? 0) > 20, {timeoutMs: 10_000, what: 'CPU use from the API'});
			assert.equal(statsSourceLine(store.getSnapshot()), 'Stats from engine API');
		} finally {
			stats.close();
		}
		assert.deepEqual(api.active, [], 'close ends the fallback stream');
	});
});

