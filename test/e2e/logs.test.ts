import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {TestContainers, testHost} from '../helpers/engine.js';
import {TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));

describe('logs in a real terminal', () => {
	const containers = new TestContainers();
	const term = new TmuxSession();
	const name = containers.name('e2e-logs');

	before(async () => {
		await containers.run(name, ['sh', '-c', 'echo "hello from porthole e2e"; echo "an error line" >&2; printf "\\033]0;pwned\\007\\033[2Jafter-clear\\n"; sleep 300']);
		await term.start([process.execPath, cli, '--host', testHost()], {columns: 140, rows: 30});
	});

	after(async () => {
		await term.kill();
		await containers.cleanup();
	});

	it('opens the logs with l, shows a known line, searches it; Esc clears the search, q goes back, q quits cleanly', async () => {
		// Other tests' containers may fill the screen: filter to ours first.
		await term.waitFor('connected');
		await term.send('/');
		await term.type(name);
		await term.send('Enter');
		await term.waitFor(new RegExp(`^${name} .*running`, 'm'));
		await term.send('l');
		// The detail area shows the command, which contains the line too: wait for the logs view itself.
		await term.waitFor(`Logs ${name}`);
		// The tail's lines may come in more than one chunk (stdout's and stderr's), each drawn as it
		// comes, and stay on screen once drawn: wait for each, then look at the screen with all three.
		await term.waitFor(/^ │ hello from porthole e2e/m);
		await term.waitFor(/^ │ after-clear/m);
		let screen = await term.waitFor(/^ E an error line/m);
		assert.match(screen, /^ │ hello from porthole e2e/m);
		assert.match(screen, /^ │ after-clear/m, 'the hostile line shows only its text');
		assert.doesNotMatch(screen, /pwned/);
		await term.send('/');
		await term.type('porthole e2e');
		await term.waitFor('1 match');
		await term.send('Enter');
		screen = await term.waitFor(/^>│ hello from porthole e2e/m);
		// Esc clears the search first and stays (issue 10 #7); q then goes back to the table, and q there quits.
		await term.send('Escape');
		screen = await term.waitFor(/^ │ hello from porthole e2e/m);
		assert.match(screen, new RegExp(`Logs ${name}`), 'still in the logs');
		await term.send('q');
		await term.waitFor(`filter: ${name}`);
		await term.send('q');
		screen = await term.waitFor('PORTHOLE-EXIT=0');
		assert.doesNotMatch(screen, /hello from porthole e2e/, 'the alternate screen is gone');
	});
});
