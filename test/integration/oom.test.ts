import assert from 'node:assert/strict';
import {execa} from 'execa';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {formatLastExit, formatState} from '../../source/format/status.js';
import {docker, testHost, TestContainers} from '../helpers/engine.js';
import {startLiveSync, type LiveSync} from '../helpers/live-sync.js';
import {waitFor} from '../helpers/wait.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));

describe('an OOM-killed container', () => {
	const containers = new TestContainers();
	const name = containers.name('oom');
	let id = '';
	let live: LiveSync;

	before(async () => {
		live = await startLiveSync();
		// 6 MB and no swap: the doubling string passes the limit within a second and the kernel kills it.
		// It waits a second first: containerd can miss the OOM of a container killed right as it starts
		// (containerd#8180), and the engine then records OOMKilled=false for good (CI saw it once).
		id = await containers.run(name, ['sh', '-c', 'sleep 1; x=a; while true; do x=$x$x; done'], ['--memory', '6m', '--memory-swap', '6m']);
		// dockerd hears of the exit and of the OOM kill as two events, in either order: OOMKilled can read
		// false just after the exit and true a moment later.
		let seen = '';
		await waitFor(async () => (seen = await docker('inspect', '-f', '{{.State.Status}} {{.State.OOMKilled}} {{.State.ExitCode}}', id)).startsWith('exited true '), {
			what: 'the kernel to kill it and the engine to record an OOM kill (the private engine must enforce memory limits: cgroups)',
			timeoutMs: 30_000,
			intervalMs: 250,
		}).catch((error: unknown) => {
			throw new Error(`${(error as Error).message}; the engine says: ${seen}`);
		});
	});

	after(async () => {
		await live.stop();
		await containers.cleanup();
	});

	it('reads as OOMKilled in the row and the detail, not as any kill', async () => {
		const row = await waitFor(() => {
			const found = live.store.getSnapshot().containers.get(id);
			return found?.state === 'exited' && found.oomKilled ? found : undefined;
		}, {what: 'the exited, OOM-killed row in the store'});
		assert.match(formatState(row, Date.now()), /^OOMKilled \(137\)/);
		assert.match(formatLastExit(row, Date.now()) ?? '', /^OOMKilled: over its memory limit \(exit 137\)/);
	});

	it('--json says oomKilled, with the finish time and labels', async () => {
		const result = await execa(process.execPath, [cli, '--json', '--host', testHost()], {reject: false, env: {DOCKER_HOST: ''}, extendEnv: false, stdin: 'ignore'});
		assert.equal(result.exitCode, 0, result.stderr);
		const document = JSON.parse(result.stdout) as {containers: Array<{name: string; oomKilled: boolean; exitCode: number; finishedAt: string | null; labels: Record<string, string>}>};
		const mine = document.containers.find(container => container.name === name);
		assert.equal(mine?.oomKilled, true);
		assert.equal(mine?.exitCode, 137);
		assert.ok(mine?.finishedAt && Date.parse(mine.finishedAt) > 0);
		assert.equal(mine?.labels[containers.label.split('=')[0]!], containers.label.split('=')[1]);
	});

	it('--once shows OOMKilled in the state column', async () => {
		const result = await execa(process.execPath, [cli, '--once', '--host', testHost()], {reject: false, env: {DOCKER_HOST: ''}, extendEnv: false, stdin: 'ignore'});
		assert.equal(result.exitCode, 0, result.stderr);
		assert.match(result.stdout, new RegExp(`^${name}\\s+\\S+\\s+OOMKilled \\(137\\)`, 'm'));
	});
});
