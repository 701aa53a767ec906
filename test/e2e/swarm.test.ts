import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {execa} from 'execa';
import {testHost, testImage} from '../helpers/engine.js';
import {dockerOn} from '../helpers/second-engine.js';
import {swarmHost} from '../helpers/swarm-engine.js';
import {waitFor} from '../helpers/wait.js';
import {TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));

/** The services view in a real terminal against the swarm engine: see a service, scale it with the keyboard. */
describe('swarm services in a real terminal', () => {
	const term = new TmuxSession();
	const label = `porthole.test=${randomBytes(4).toString('hex')}`;
	const name = `e2e-svc-${randomBytes(3).toString('hex')}`;
	let host: string;

	before(async () => {
		host = swarmHost();
		await dockerOn(host, 'service', 'create', '-d', '--quiet', '--name', name, '--label', label, '--replicas', '1', '--stop-grace-period', '1s', testImage, 'sleep', '100000');
		await term.start([process.execPath, cli, '--host', host], {columns: 160, rows: 40});
		await term.waitFor('Porthole');
		await term.send('?');
		// The help's heading: its Everywhere part may sit below a 40-row screen now that the containers keys are many.
		await term.waitFor('Keys (Esc');
		await term.send('?');
		await term.waitFor('NAME▲');
	});

	after(async () => {
		await term.kill();
		const left = await dockerOn(host, 'service', 'ls', '-q', '--filter', `label=${label}`).catch(() => '');
		if (left) await dockerOn(host, 'service', 'rm', ...left.split('\n')).catch(() => undefined);
	});

	it(':services shows the service at 1/1', async () => {
		await term.send(':');
		await term.type('services');
		await term.send('Enter');
		await term.waitFor(new RegExp(`${name}\\s+-\\s+replicated\\s+1/1`), 30_000);
	});

	it('s, a count and Enter scale it: the screen and the engine reach 2/2', async () => {
		// Our service is the only one this file made; select it with the filter so other rows cannot be in the way.
		await term.send('/');
		await term.type(name);
		await term.send('Enter');
		await term.waitFor('1 shown');
		await term.send('s');
		await term.waitFor(`scale ${name} to 1`);
		await term.send('C-u');
		await term.type('2');
		await term.send('Enter');
		await term.waitFor(new RegExp(`${name}\\s+-\\s+replicated\\s+2/2`), 30_000);
		assert.equal(await dockerOn(host, 'service', 'ls', '--filter', `name=${name}`, '--format', '{{.Replicas}}'), '2/2');
	});

	it('Enter shows its two tasks, each with a slot and a running state', async () => {
		await term.send('Enter');
		const screen = await term.waitFor(/Tasks of .* 2 running of 2/, 15_000);
		assert.match(screen, /\s1 \S+\s+running\s+running/);
		assert.match(screen, /\s2 \S+\s+running\s+running/);
		await term.send('Escape');
		await term.waitFor('Services ·');
	});

	it('--once --json gains services and nodes on the manager, and nothing on an engine outside a swarm', async () => {
		const manager = JSON.parse((await execa(process.execPath, [cli, '--host', host, '--once', '--json'])).stdout) as {swarm?: {services: Array<{name: string; running: number; desired: number}>; nodes: Array<{role: string; tasks: number}>}};
		const service = manager.swarm?.services.find(each => each.name === name);
		assert.deepEqual(service && [service.running, service.desired], [2, 2]);
		assert.equal(manager.swarm?.nodes[0]?.role, 'manager');
		assert.ok((manager.swarm?.nodes[0]?.tasks ?? 0) >= 2);
		const plain = JSON.parse((await execa(process.execPath, [cli, '--host', testHost(), '--once', '--json'])).stdout) as object;
		assert.equal('swarm' in plain, false);
	});

	it('D asks, y removes it, and the engine no longer has it', async () => {
		await term.send('D');
		await term.waitFor(`Remove service ${name}?`);
		await term.send('y');
		await term.waitFor(`removed service ${name}`);
		await waitFor(async () => (await dockerOn(host, 'service', 'ls', '-q', '--filter', `name=${name}`)) === '', {what: 'the service gone', timeoutMs: 10_000, intervalMs: 300});
	});
});
