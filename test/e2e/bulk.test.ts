import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {engineState, TestContainers, testHost} from '../helpers/engine.js';
import {waitFor} from '../helpers/wait.js';
import {TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));

describe('marks and a bulk stop in a real terminal', () => {
	const containers = new TestContainers();
	const term = new TmuxSession();
	const prefix = containers.name('e2e-bulk');
	const names = ['a', 'b', 'c'].map(suffix => `${prefix}-${suffix}`);
	const other = containers.name('e2e-unmarked');

	before(async () => {
		await Promise.all([...names, other].map(name => containers.run(name, ['sleep', '300'], ['--stop-timeout', '1'])));
		await term.start([process.execPath, cli, '--host', testHost()], {columns: 160, rows: 45});
	});

	after(async () => {
		await term.kill();
		await containers.cleanup();
	});

	it('marks three with Space, stops them after one confirmation, and all three exit', async () => {
		await term.waitFor(names[2] ?? '');
		await term.burst('/', prefix, 'Enter');
		await term.waitFor(`filter: ${prefix}`);
		await term.send('g', 'Space', 'Space', 'Space');
		await term.waitFor('3 marked');
		for (const name of names) await term.waitFor(`● ${name}`);
		await term.send('s');
		const dialog = await term.waitFor('Stop 3 containers');
		assert.match(dialog.replace(/[│\s]+/g, ' '), new RegExp(`Stop 3 containers: ${names.join(', ').replace(/, (?=[^,]*$)/, ' and ')}\\?`));
		for (const name of names) assert.equal(await engineState(name), 'running', 'nothing happens before the answer');
		await term.send('y');
		await term.waitFor('stop: 3 stopped', 20_000);
		for (const name of names) await waitFor(async () => (await engineState(name)) === 'exited', {timeoutMs: 10_000, what: `${name} exited`});
		assert.equal(await engineState(other), 'running', 'the unmarked container is untouched');
	});
});
