import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {engineState, TestContainers, testHost} from '../helpers/engine.js';
import {TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));

/** Issue 10 #22 and the smaller items: views can be found, and stopped containers get a plain word. */
describe('finding views and keys in a real terminal', () => {
	const containers = new TestContainers();
	const term = new TmuxSession();
	const stopped = containers.name('e2e-keys-stopped');

	before(async () => {
		await containers.create(stopped, ['sleep', '300']);
		await term.start([process.execPath, cli, '--host', testHost()], {columns: 160, rows: 45});
	});
	after(async () => {
		await term.kill();
		await containers.cleanup();
	});

	it(': with Tab completes a view name, and Enter opens it', async () => {
		await term.waitFor(stopped);
		await term.send(':');
		await term.waitFor('containers, images, volumes, networks, services, stacks, nodes, df, events, logs, help');
		await term.type('ne');
		await term.send('Tab');
		await term.waitFor(':networks');
		await term.send('Enter');
		await term.waitFor(/Networks · \d+ shown/);
	});

	it('an unknown view names every view', async () => {
		await term.send(':');
		await term.type('nosuch');
		await term.send('Enter');
		await term.waitFor('unknown view: nosuch (views: containers, images, volumes, networks, services, stacks, nodes, df, events, logs, help');
	});

	it('help names keys Enter, Esc and Space', async () => {
		await term.send('?');
		const help = await term.waitFor('Keys (Esc or ? to go back)');
		assert.doesNotMatch(help, /\breturn\b|\bescape\b/);
		await term.send('Escape');
		await term.waitFor(/Networks · \d+ shown/);
	});

	it('p and K on a stopped container say it is not running, with no dialog', async () => {
		await term.send(':');
		await term.type('co');
		await term.send('Enter');
		await term.burst('/', 'C-u', stopped, 'Enter');
		await term.waitFor(`filter: ${stopped}`);
		await term.send('p');
		await term.waitFor(`${stopped} is not running; nothing to pause`);
		await term.send('K');
		const screen = await term.waitFor(`${stopped} is not running; nothing to kill`);
		assert.doesNotMatch(screen, /Kill container|[0-9a-f]{64}/);
		assert.equal(await engineState(stopped), 'created');
	});

	it(':q quits', async () => {
		await term.send(':');
		await term.type('q');
		await term.send('Enter');
		await term.waitFor('PORTHOLE-EXIT=0');
	});
});
