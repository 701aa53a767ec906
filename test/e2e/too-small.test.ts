import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {engineState, TestContainers, testHost} from '../helpers/engine.js';
import {TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));

/** Issue 10 #5: at 20×5, s and p stopped and paused a container nobody could see. */
describe('the too-small screen in a real terminal', () => {
	const containers = new TestContainers();
	const name = containers.name('e2e-small');
	const term = new TmuxSession();

	before(async () => {
		await containers.run(name, ['sleep', '300']);
	});
	after(async () => {
		await term.kill();
		await containers.cleanup();
	});

	it('keys other than quit do nothing; growing brings the table back; q quits', async () => {
		await term.start([process.execPath, cli, '--host', testHost(), '--no-confirm'], {columns: 120, rows: 30});
		await term.waitFor(name);
		// Only the test container on screen, selected.
		await term.burst('/', 'C-u', name, 'Enter');
		await term.waitFor(`filter: ${name}`);
		await term.resize(20, 5);
		await term.waitFor('Terminal too small');
		// With --no-confirm, s, p and K would act at once on the selected container.
		await term.send('s', 'p', 'K', 'r', 'y', 'D', 'y');
		await term.resize(120, 30);
		const screen = await term.waitFor(name);
		assert.doesNotMatch(screen, /Remove container|Stop container/, 'no dialog was opened');
		assert.equal(await engineState(name), 'running', 'the container was not stopped, paused or killed');
		await term.resize(20, 5);
		await term.waitFor('Terminal too small');
		await term.send('q');
		await term.waitFor('PORTHOLE-EXIT=0');
	});
});
