import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {engineState, TestContainers, testHost} from '../helpers/engine.js';
import {waitFor} from '../helpers/wait.js';
import {TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));

describe('porthole in a real terminal', () => {
	const containers = new TestContainers();
	const term = new TmuxSession();
	const names = {stop: containers.name('e2e-stop'), kill: containers.name('e2e-kill'), late: containers.name('e2e-late')};

	before(async () => {
		await containers.run(names.stop, ['sleep', '300'], ['--stop-timeout', '1']);
		await containers.run(names.kill, ['sleep', '300']);
		await term.start([process.execPath, cli, '--host', testHost()], {columns: 160, rows: 45});
	});

	after(async () => {
		await term.kill();
		await containers.cleanup();
	});

	it('shows the containers, live', async () => {
		const screen = await term.waitFor(names.stop);
		assert.match(screen, /connected/);
		assert.ok(screen.includes(names.kill));
		await containers.run(names.late, ['sleep', '300']);
		await term.waitFor(names.late, 2000);
	});

	it('stops a container with s, after y in a dialog that names it (Enter cancels)', async () => {
		await term.send('/');
		await term.type(names.stop);
		await term.send('Enter');
		await term.waitFor(`filter: ${names.stop}`);
		await term.send('s');
		await term.waitFor(`Stop container ${names.stop}?`);
		await term.send('Enter');
		await term.waitFor('stop cancelled');
		assert.equal(await engineState(names.stop), 'running', 'Enter alone never stops');
		await term.send('s');
		await term.waitFor(`Stop container ${names.stop}?`);
		await term.send('y');
		await waitFor(async () => (await engineState(names.stop)) === 'exited', {timeoutMs: 10000, what: 'container stopped in the engine'});
		await term.waitFor(new RegExp(`${names.stop} .*exited`));
	});

	it('kills a container only after confirming in a dialog that names it', async () => {
		// /, Ctrl-U, the name and Enter in one write: no control key in the burst is dropped (issue 10 #6).
		await term.burst('/', 'C-u', names.kill, 'Enter');
		await term.waitFor(`filter: ${names.kill}`);
		assert.doesNotMatch(await term.screen(), new RegExp(`filter: \\S+${names.kill}`), 'Ctrl-U cleared the old filter');
		await term.send('K');
		await term.waitFor(`Kill container ${names.kill}?`);
		assert.equal(await engineState(names.kill), 'running', 'nothing happens before the answer');
		await term.send('y');
		await waitFor(async () => (await engineState(names.kill)) === 'exited', {timeoutMs: 10000, what: 'container killed in the engine'});
		await term.waitFor(`${names.kill} killed`);
	});

	it('shows help generated from the keymap, and q quits restoring the terminal', async () => {
		await term.send('?');
		await term.waitFor('Remove the container (asks first: y)');
		await term.send('Escape');
		// The row itself, not the name: the footer's filter names it while help is still up, and a q
		// sent then would reach help (q goes back there) in the same read as the Escape.
		await term.waitFor(new RegExp(`${names.kill} .*exited`));
		await term.send('q');
		const screen = await term.waitFor('PORTHOLE-EXIT=0');
		assert.doesNotMatch(screen, /connected/, 'the alternate screen is gone');
	});
});
