import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {after, before, describe, it} from 'node:test';
import {computeSample} from '../../source/domain/stats-calc.js';
import type {Engine} from '../../source/engine/engine.js';
import {testImage} from './engine.js';
import {startLiveSync, type LiveSync} from './live-sync.js';
import {waitFor} from './wait.js';

/** How a suite reaches one engine: Porthole's engine for it, and the docker CLI pointed at it. */
export type Transport = {
	engine: () => Engine;
	cli: (...args: string[]) => Promise<string>;
	/** Extra `docker run` flags every container gets (Podman: `--network none`). */
	runArgs?: string[];
	/** How long a stats stream may take between frames (Podman sends one every 5 s). */
	statsEveryMs?: number;
};

/**
 * The same checks over any way to an engine (TLS, Podman): list, events,
 * stats, logs and exec all arrive through it. Each container is uniquely
 * named and labelled, and removed in teardown.
 */
export function transportSuite(name: string, transport: Transport): void {
	describe(`${name}: list, events, stats, logs and exec`, () => {
		const label = `porthole.test=${randomBytes(4).toString('hex')}`;
		const unique = (prefix: string) => `${prefix}-${randomBytes(3).toString('hex')}`;
		const statsWait = 3 * (transport.statsEveryMs ?? 1000) + 5000;
		let live: LiveSync;
		let engine: Engine;
		let early = '';
		const run = (containerName: string, ...command: string[]) =>
			transport.cli('run', '-d', '--name', containerName, '--label', label, ...(transport.runArgs ?? []), testImage, ...command);

		before(async () => {
			early = await run(unique('tr-early'), 'sh', '-c', 'echo early-line-1; echo early-line-2 >&2; exec sleep 300');
			engine = transport.engine();
			live = await startLiveSync({engine});
		});

		after(async () => {
			await live?.stop();
			const ids = (await transport.cli('ps', '-aq', '--filter', `label=${label}`).catch(() => '')).split('\n').filter(Boolean);
			if (ids.length > 0) await transport.cli('rm', '-f', ...ids);
			assert.deepEqual(live?.sync.stats.active ?? [], [], 'no stats stream outlives the sync');
		});

		it('lists a container that was running before the start', async () => {
			await live.sync.listed;
			await waitFor(() => live.store.getSnapshot().containers.get(early)?.state === 'running', {what: 'the early container listed as running'});
		});

		it('follows events: a started container appears, a removed one disappears', async () => {
			const late = unique('tr-late');
			const id = await run(late, 'sleep', '300');
			await waitFor(() => live.store.getSnapshot().containers.get(id)?.name === late, {timeoutMs: 5000, what: `${late} in the store`});
			await transport.cli('rm', '-f', id);
			await waitFor(() => !live.store.getSnapshot().containers.has(id), {timeoutMs: 5000, what: `${late} gone from the store after rm`});
			// Gone for good: a late inspect or list does not bring it back.
			await new Promise(resolve => setTimeout(resolve, 500));
			assert.equal(live.store.getSnapshot().containers.has(id), false);
		});

		it('streams stats: a busy container shows CPU and memory', async () => {
			const id = await run(unique('tr-busy'), 'sh', '-c', 'while :; do :; done');
			const entry = await waitFor(() => {
				const stats = live.store.getSnapshot().stats.get(id);
				return stats && stats.history.size >= 2 && stats.latest.cpuPercent > 5 ? stats : undefined;
			}, {timeoutMs: statsWait, what: 'two stats samples with CPU use'});
			assert.ok(entry.latest.memoryUsage > 0, 'memory in use');
			assert.ok(entry.latest.cpuPercent < 250, `CPU within two cores (got ${entry.latest.cpuPercent})`);
			// A one-shot reading has no previous reading to compare with: no CPU figure, rather than a lifetime average.
			const once = computeSample(await engine.statsOnce(id, {oneShot: true}));
			assert.equal(once.cpuPercent, 0);
			assert.ok(once.memoryUsage > 0);
		});

		it('reads logs, stdout and stderr, with timestamps', async () => {
			const lines: string[] = [];
			const controller = new AbortController();
			for await (const batch of await engine.logLines(early, {tty: false, follow: false}, controller.signal)) {
				for (const line of batch) {
					assert.match(line.time, /^\d{4}-\d\d-\d\dT/);
					lines.push(`${line.stream}:${line.text}`);
				}
			}
			assert.deepEqual(lines.sort(), ['stderr:early-line-2', 'stdout:early-line-1']);
		});

		it('runs an exec, collecting its output and exit code', async () => {
			const result = await engine.execCollect(early, ['sh', '-c', 'echo out-of-exec; exit 3']);
			assert.deepEqual(result, {output: 'out-of-exec\n', exitCode: 3});
		});

		it('runs an interactive exec with a TTY of our size, and follows a resize', async () => {
			// The last `sleep 1`: Podman 4.3 sometimes loses what an exec wrote just before it ended.
			const session = await engine.execInteractive(early, ['sh', '-c', 'sleep 0.5; stty size; read x; stty size; sleep 1'], {rows: 31, columns: 101});
			let output = '';
			session.output.on('data', (chunk: Buffer) => {
				output += chunk.toString('utf8');
			});
			const ended = new Promise(resolve => session.output.once('end', resolve).once('close', resolve));
			await waitFor(() => output.includes('31 101'), {what: `the first size in ${JSON.stringify(output)}`});
			await session.resize({rows: 42, columns: 123});
			session.input?.write('\n');
			await waitFor(() => output.includes('42 123'), {what: `the new size in ${JSON.stringify(output)}`});
			await ended;
			assert.equal(await session.result(), 0);
			session.close();
		});
	});
}
