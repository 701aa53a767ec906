import assert from 'node:assert/strict';
import {execa} from 'execa';
import {randomBytes} from 'node:crypto';
import {basename, dirname} from 'node:path';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {testHost, testImage} from '../helpers/engine.js';
import {dockerOn, secondHost} from '../helpers/second-engine.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));
const run = (args: string[]) => execa(process.execPath, [cli, ...args], {reject: false, env: {DOCKER_HOST: '', PATH: process.env.PATH ?? ''}, extendEnv: false, stdin: 'ignore'});
const nameOf = (host: string) => basename(dirname(host.replace(/^unix:\/\//, '')));

describe('--once and --json over several hosts', () => {
	const one = testHost();
	const two = secondHost();
	const label = `porthole.test=${randomBytes(4).toString('hex')}`;
	const names = {one: `e2e-snap1-${randomBytes(3).toString('hex')}`, two: `e2e-snap2-${randomBytes(3).toString('hex')}`};

	before(async () => {
		await dockerOn(one, 'run', '-d', '--name', names.one, '--label', label, testImage, 'sleep', '300');
		await dockerOn(two, 'run', '-d', '--name', names.two, '--label', label, testImage, 'sleep', '300');
	});

	after(async () => {
		for (const host of [one, two]) {
			const ids = (await dockerOn(host, 'ps', '-aq', '--filter', `label=${label}`)).split('\n').filter(Boolean);
			if (ids.length > 0) await dockerOn(host, 'rm', '-f', ...ids);
		}
	});

	it('--json: every container with its host, and every host up', async () => {
		const result = await run(['--host', one, '--host', two, '--json']);
		assert.equal(result.exitCode, 0, result.stderr);
		const doc = JSON.parse(result.stdout) as {hosts: Array<{name: string; status: string}>; containers: Array<{name: string; host: string}>};
		assert.deepEqual(doc.hosts.map(host => [host.name, host.status]), [[nameOf(one), 'up'], [nameOf(two), 'up']]);
		assert.equal(doc.containers.find(c => c.name === names.one)?.host, nameOf(one));
		assert.equal(doc.containers.find(c => c.name === names.two)?.host, nameOf(two));
	});

	it('one host down: the others are printed, the down one is named with its reason, exit 5', async () => {
		const result = await run(['--host', one, '--host', 'unix:///nonexistent/docker.sock', '--once']);
		assert.equal(result.exitCode, 5);
		assert.match(result.stdout, /^HOST\s+NAME/);
		assert.match(result.stdout, new RegExp(`${nameOf(one)}\\s+${names.one}`));
		assert.match(result.stdout, /nonexistent: down: .*does not exist/);
		assert.match(result.stderr, /^porthole: nonexistent: .*does not exist/);
	});

	it('every host down: exit 3 and one line', async () => {
		const result = await run(['--host', 'unix:///nonexistent/docker.sock', '--host', 'unix:///nowhere/docker.sock', '--once']);
		assert.equal(result.exitCode, 3);
		assert.equal(result.stdout, '');
		assert.match(result.stderr, /^porthole: cannot connect/);
	});

	it('the same engine twice: exit 2 and one line naming both', async () => {
		const result = await run(['--host', one, '--host', one, '--once']);
		assert.equal(result.exitCode, 2);
		assert.match(result.stderr.trim(), new RegExp(`^porthole: --host/--context "${nameOf(one)}" and "${nameOf(one)}-2" are the same engine`));
		assert.equal(result.stderr.trim().split('\n').length, 1);
	});
});
