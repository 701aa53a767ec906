import assert from 'node:assert/strict';
import {execa} from 'execa';
import {randomBytes} from 'node:crypto';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {testImage} from '../helpers/engine.js';
import {dockerPodman, podmanHost, podmanRunArgs} from '../helpers/podman.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));
const run = (args: string[]) => execa(process.execPath, [cli, ...args], {reject: false, env: {PATH: process.env.PATH ?? ''}, extendEnv: false, stdin: 'ignore'});

describe('--once and --json through Podman, end to end', () => {
	const host = podmanHost();
	const label = `porthole.test=${randomBytes(4).toString('hex')}`;
	const names = {busy: `e2e-pm-busy-${randomBytes(3).toString('hex')}`, idle: `e2e-pm-idle-${randomBytes(3).toString('hex')}`};

	before(async () => {
		await dockerPodman('run', '-d', '--name', names.busy, '--label', label, ...podmanRunArgs, testImage, 'sh', '-c', 'while :; do :; done');
		await dockerPodman('run', '-d', '--name', names.idle, '--label', label, ...podmanRunArgs, testImage, 'sleep', '300');
	});

	after(async () => {
		const ids = (await dockerPodman('ps', '-aq', '--filter', `label=${label}`)).split('\n').filter(Boolean);
		if (ids.length > 0) await dockerPodman('rm', '-f', ...ids);
	});

	it('--json: the containers with real CPU figures, though Podman\'s one-shot stats have no previous reading', async () => {
		const result = await run(['--host', host, '--json']);
		assert.equal(result.exitCode, 0, result.stderr);
		assert.equal(result.stderr, '');
		const doc = JSON.parse(result.stdout) as {containers: Array<{name: string; state: string; stats?: {cpuPercent: number; memoryUsage: number}}>};
		const busy = doc.containers.find(c => c.name === names.busy);
		const idle = doc.containers.find(c => c.name === names.idle);
		assert.equal(busy?.state, 'running');
		assert.ok((busy?.stats?.cpuPercent ?? 0) > 20, `the busy one uses CPU (got ${busy?.stats?.cpuPercent})`);
		assert.ok((idle?.stats?.cpuPercent ?? 99) < 5, `the idle one does not (got ${idle?.stats?.cpuPercent})`);
		assert.ok((busy?.stats?.memoryUsage ?? 0) > 0);
	});

	it('--once: a plain table naming them', async () => {
		const result = await run(['--host', host, '--once']);
		assert.equal(result.exitCode, 0, result.stderr);
		assert.match(result.stdout, new RegExp(`^${names.idle}\\s+localhost/porthole-test/busybox:1\\s+running`, 'm'));
	});
});
