import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import type {Duplex} from 'node:stream';
import {after, before, describe, it} from 'node:test';
import {dockerodeFor, resolveTarget} from '../../source/engine/connection.js';
import {createEngine, type Engine} from '../../source/engine/engine.js';
import {resizeSoon} from '../../source/engine/exec-api.js';
import {openTop} from '../../source/store/top-slice.js';
import {TopPoller} from '../../source/sync/top-poller.js';
import {testHost, testImage} from '../helpers/engine.js';
import {startLiveSync, type LiveSync} from '../helpers/live-sync.js';
import {dockerPodman, podmanHost, podmanRunArgs} from '../helpers/podman.js';
import {transportSuite} from '../helpers/transport-suite.js';
import {waitFor} from '../helpers/wait.js';

// The private `podman system service` (scripts/test-podman.sh), through its Docker-compatible API.
transportSuite('Podman', {
	engine: () => createEngine(resolveTarget({host: podmanHost(), env: {}, homeDir: '/nonexistent'})),
	cli: dockerPodman,
	runArgs: podmanRunArgs,
	statsEveryMs: 5000,
});

describe('Podman\'s differences, normalised', () => {
	const label = `porthole.test=${randomBytes(4).toString('hex')}`;
	/** One counter orders inspects and events exactly (several happen within a millisecond). */
	let order = 0;
	/** Container ids inspected, with when (`at`) and in what order (`seq`). */
	const inspected: Array<{id: string; at: number; seq: number}> = [];
	/** Container events as the sync heard them, with when and in what order. */
	const heard: Array<{id: string; action: string; at: number; seq: number}> = [];
	let live: LiveSync;
	let engine: Engine;
	const run = (name: string, ...command: string[]) => dockerPodman('run', '-d', '--name', name, '--label', label, ...podmanRunArgs, testImage, ...command);

	before(async () => {
		engine = createEngine(resolveTarget({host: podmanHost(), env: {}, homeDir: '/nonexistent'}));
		live = await startLiveSync({engine, wrap: real => ({...real, inspectContainer(id: string) {
			inspected.push({id, at: Date.now(), seq: order++});
			return real.inspectContainer(id);
		}})});
		live.sync.onContainerEvent(event => heard.push({id: event.id, action: event.action, at: Date.now(), seq: order++}));
	});

	after(async () => {
		await live?.stop();
		const ids = (await dockerPodman('ps', '-aq', '--filter', `label=${label}`).catch(() => '')).split('\n').filter(Boolean);
		if (ids.length > 0) await dockerPodman('rm', '-f', ...ids);
	});

	it('is named Podman in the connection the status bar shows', async () => {
		await waitFor(() => live.store.getSnapshot().connection.product === 'Podman', {what: 'the product in the connection'});
		assert.equal(await createEngine(resolveTarget({host: testHost(), env: {}, homeDir: '/nonexistent'})).product(), undefined, 'Docker goes unnamed');
	});

	it('says "remove" where Docker says "destroy", and the sync takes it so: gone, with no re-inspect after it', async () => {
		const id = await run(`pm-rm-${randomBytes(3).toString('hex')}`, 'sleep', '300');
		await waitFor(() => live.store.getSnapshot().containers.get(id)?.state === 'running', {what: 'the container running in the store'});
		await dockerPodman('rm', '-f', id);
		const removed = await waitFor(() => heard.find(event => event.id === id && event.action === 'remove'), {what: 'Podman\'s remove event'});
		assert.ok(!heard.some(event => event.id === id && event.action === 'destroy'), 'Podman 4 sends no destroy');
		await waitFor(() => !live.store.getSnapshot().containers.has(id), {what: 'the row gone'});
		await new Promise(resolve => setTimeout(resolve, 500));
		assert.deepEqual(inspected.filter(call => call.id === id && call.seq > removed.seq), [], 'nothing re-read a removed container');
		assert.equal(live.store.getSnapshot().containers.has(id), false);
	});

	it('raises "exec" and "exec_died" around an exec, and neither makes the sync re-read the container', async () => {
		const id = await run(`pm-exec-${randomBytes(3).toString('hex')}`, 'sleep', '300');
		await waitFor(() => live.store.getSnapshot().containers.get(id)?.state === 'running', {what: 'the container running in the store'});
		// Let the inspects of its start settle.
		await new Promise(resolve => setTimeout(resolve, 500));
		const since = Date.now();
		assert.deepEqual(await engine.execCollect(id, ['true']), {output: '', exitCode: 0});
		await waitFor(() => heard.some(event => event.id === id && event.action === 'exec_died' && event.at >= since), {what: 'exec_died'});
		assert.ok(heard.some(event => event.id === id && event.action === 'exec' && event.at >= since), 'Podman\'s exec event');
		await new Promise(resolve => setTimeout(resolve, 300));
		assert.deepEqual(inspected.filter(call => call.id === id && call.at >= since), [], 'an exec is no reason to re-read');
	});

	it('raises "init" and "cleanup" around a start and an exit; after cleanup the row says exited, whatever an inspect at die said', async () => {
		const id = await run(`pm-short-${randomBytes(3).toString('hex')}`, 'sh', '-c', 'exit 7');
		await waitFor(() => heard.some(event => event.id === id && event.action === 'cleanup'), {timeoutMs: 10_000, what: `Podman's cleanup event (heard ${JSON.stringify(heard.filter(event => event.id === id).map(event => event.action))})`});
		assert.ok(heard.some(event => event.id === id && event.action === 'init'), 'Podman\'s init event');
		const shown = () => {
			const row = live.store.getSnapshot().containers.get(id);
			return `${row?.state} ${row?.exitCode}`;
		};
		await waitFor(() => shown() === 'exited 7', {what: 'the container exited with 7 in the store'}).catch((error: Error) => {
			throw new Error(`${error.message}; the store shows ${shown()}`);
		});
	});

	it('answers an exec resize with HTTP 201, which counts as done at the first call', async () => {
		const id = await run(`pm-tty-${randomBytes(3).toString('hex')}`, 'sleep', '300');
		const docker = dockerodeFor(resolveTarget({host: podmanHost(), env: {}, homeDir: '/nonexistent'}));
		const exec = await docker.getContainer(id).exec({Cmd: ['sh', '-c', 'echo ready; sleep 2; stty size; sleep 30'], AttachStdin: true, AttachStdout: true, Tty: true});
		const socket = (await exec.start({hijack: true, stdin: true, Tty: true})) as unknown as Duplex;
		let output = '';
		socket.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
		});
		try {
			// Resized while it sleeps; its stty then reads the new size. (No stdin: Podman may drop early input.
			// It keeps running after: Podman 4.3 sometimes loses an exec's last output when the process ends.)
			await waitFor(() => output.includes('ready'), {timeoutMs: 10_000, what: 'the exec running'});
			// dockerode expects 200, so on its own it rejects Podman's answer.
			await assert.rejects(exec.resize({h: 33, w: 77}), (error: {statusCode?: number}) => error.statusCode === 201);
			assert.equal(await resizeSoon(() => exec.resize({h: 34, w: 88})), 1, 'one call, no retries');
			await waitFor(() => output.includes('34 88'), {timeoutMs: 10_000, what: 'the resized TTY'}).catch(async (error: Error) => {
				const info = await exec.inspect();
				throw new Error(`${error.message}; output ${JSON.stringify(output)}, exec running ${info.Running}, exit code ${info.ExitCode}, socket ${socket.destroyed ? 'closed' : 'open'}`);
			});
		} finally {
			socket.destroy();
		}
	});

	it('top lists the processes with their PID, user and command, though Podman answers ps arguments unlike Docker', async () => {
		const id = await run(`pm-top-${randomBytes(3).toString('hex')}`, 'sh', '-c', 'sleep 301 & exec sleep 302');
		await waitFor(() => live.store.getSnapshot().containers.get(id)?.state === 'running', {what: 'the container running in the store'});
		live.store.update(state => openTop(state, id, 'top'));
		const poller = new TopPoller(engine, live.store, 200);
		const stop = poller.start();
		try {
			const rows = await waitFor(() => {
				const processes = live.store.getSnapshot().top?.rows ?? [];
				return processes.length >= 2 ? processes : undefined;
			}, {timeoutMs: 10_000, what: 'the processes of the container'});
			assert.deepEqual(rows.map(row => row.command).sort(), ['sleep 301', 'sleep 302']);
			assert.ok(rows.every(row => /^\d+$/.test(row.pid) && row.user === 'root'), JSON.stringify(rows));
			assert.ok(rows.every(row => row.elapsed === undefined || /^\d\d:\d\d/.test(row.elapsed)), `elapsed as ps prints it: ${JSON.stringify(rows)}`);
		} finally {
			stop();
		}
	});

	it('sends a stats frame every 5 s; a busy container is not taken for a quiet one', async () => {
		const id = await run(`pm-busy-${randomBytes(3).toString('hex')}`, 'sh', '-c', 'while :; do :; done');
		const times: number[] = [];
		const controller = new AbortController();
		for await (const frame of await engine.stats(id, controller.signal)) {
			times.push(Date.parse(frame.read));
			if (times.length === 3) break;
		}
		controller.abort();
		const gaps = times.slice(1).map((time, index) => time - times[index]!);
		assert.ok(gaps.at(-1)! >= 4000, `Podman's frames are about 5 s apart (gaps ${gaps.join(', ')} ms)`);
		await waitFor(() => (live.store.getSnapshot().stats.get(id)?.latest.cpuPercent ?? 0) > 5, {timeoutMs: 20_000, what: 'CPU use shown'});
		assert.equal(live.sync.stats.quieted.includes(id), false);
		assert.ok(live.sync.stats.active.includes(id), 'it keeps its stream');
	});
});
