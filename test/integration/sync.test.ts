import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {docker, TestContainers} from '../helpers/engine.js';
import {startLiveSync, type LiveSync} from '../helpers/live-sync.js';
import {waitFor} from '../helpers/wait.js';

describe('sync against the private engine', () => {
	const containers = new TestContainers();
	// The real engine, with a record of which containers were re-inspected.
	const inspected: string[] = [];
	let live: LiveSync;
	const store = () => live.store;
	const sync = () => live.sync;

	before(async () => {
		live = await startLiveSync({wrap: real => ({...real, inspectContainer: (id: string) => {
			inspected.push(id);
			return real.inspectContainer(id);
		}})});
	});

	after(async () => {
		await live.stop();
		await containers.cleanup();
		assert.deepEqual(live.sync.stats.active, [], 'no stats stream outlives the sync');
	});

	it('says it has listed once the first list is in the store', async () => {
		await live.sync.listed;
		assert.equal(live.store.getSnapshot().loaded, true);
	});

	it('shows a container started from outside within 1 s', async () => {
		const name = containers.name('appear');
		const started = Date.now();
		const id = await containers.run(name, ['sleep', '300']);
		await waitFor(() => store().getSnapshot().containers.get(id)?.state === 'running', {timeoutMs: 1000, what: `${name} running in the store`});
		const row = store().getSnapshot().containers.get(id);
		assert.equal(row?.name, name);
		assert.ok(row && row.startedAt >= started - 2000, 'inspect filled in the start time');
		assert.ok(Date.now() - started < 3000);
	});

	it('streams stats for a running container, one stream per container', async () => {
		const name = containers.name('busy');
		const id = await containers.run(name, ['sh', '-c', 'yes > /dev/null'], ['--cpus', '0.5']);
		const entry = await waitFor(() => {
			const stats = store().getSnapshot().stats.get(id);
			return stats && stats.history.size >= 2 ? stats : undefined;
		}, {timeoutMs: 8000, what: 'two stats samples'});
		assert.ok(entry.latest.cpuPercent > 5, `busy container uses CPU (got ${entry.latest.cpuPercent})`);
		assert.ok(entry.latest.memoryUsage > 0);
		assert.ok(entry.latest.pids >= 1);
		assert.equal(sync().stats.active.filter(active => active === id).length, 1);
	});

	it('follows stop, start and destroy through events, and stops the stats stream', async () => {
		const name = containers.name('cycle');
		const id = await containers.run(name, ['sleep', '300']);
		await waitFor(() => sync().stats.active.includes(id), {what: 'stats stream started'});
		await docker('stop', '-t', '0', id);
		await waitFor(() => store().getSnapshot().containers.get(id)?.state === 'exited', {timeoutMs: 2000, what: 'exited in the store'});
		await waitFor(() => !sync().stats.active.includes(id), {what: 'stats stream stopped'});
		assert.equal(store().getSnapshot().stats.has(id), false, 'no stale stats for a stopped container');
		await docker('start', id);
		await waitFor(() => store().getSnapshot().containers.get(id)?.state === 'running', {timeoutMs: 2000, what: 'running again'});
		await docker('rm', '-f', id);
		await waitFor(() => !store().getSnapshot().containers.has(id), {timeoutMs: 2000, what: 'removed from the store'});
		await waitFor(() => !sync().stats.active.includes(id), {what: 'stats stream gone'});
	});

	it('ignores exec noise: an exec does not re-inspect the container', async () => {
		const name = containers.name('exec');
		const id = await containers.run(name, ['sleep', '300']);
		await waitFor(() => store().getSnapshot().containers.get(id)?.state === 'running', {what: 'running'});
		// The store can show it running from the create's inspect while the start's is still to come:
		// a pause and unpause first, so every event before them has been handled when counting starts.
		await docker('pause', id);
		await waitFor(() => store().getSnapshot().containers.get(id)?.state === 'paused', {what: 'paused first'});
		await docker('unpause', id);
		await waitFor(() => store().getSnapshot().containers.get(id)?.state === 'running', {what: 'unpaused first'});
		const count = () => inspected.filter(each => each === id).length;
		const before = count();
		await docker('exec', id, 'true');
		await docker('exec', id, 'true');
		// Later real events prove the exec events before them were already handled.
		await docker('pause', id);
		await waitFor(() => store().getSnapshot().containers.get(id)?.state === 'paused', {what: 'paused'});
		await docker('unpause', id);
		await waitFor(() => store().getSnapshot().containers.get(id)?.state === 'running', {what: 'unpaused'});
		assert.equal(count() - before, 2, 'only pause and unpause caused an inspect');
	});
});
