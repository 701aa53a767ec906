import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {engineState, TestContainers, testHost} from '../helpers/engine.js';
import {TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));

describe('terminal handling', () => {
	const containers = new TestContainers();
	const name = containers.name('e2e-term');
	before(async () => {
		await containers.run(name, ['sleep', '300']);
	});
	after(async () => {
		await containers.cleanup();
	});

	it('says when the terminal is too small, and recovers when it grows', async () => {
		const term = new TmuxSession();
		try {
			await term.start([process.execPath, cli, '--host', testHost()], {columns: 120, rows: 30});
			await term.waitFor(name);
			await term.resize(50, 10);
			const small = await term.waitFor('Terminal too small');
			assert.match(small, /at least\s+60×12/);
			await term.resize(120, 30);
			await term.waitFor(name);
		} finally {
			await term.kill();
		}
	});

	it('Ctrl-C quits with status 0 and leaves the alternate screen', async () => {
		const term = new TmuxSession();
		try {
			await term.start([process.execPath, cli, '--host', testHost()], {columns: 120, rows: 30});
			await term.waitFor(name);
			await term.send('C-c');
			const screen = await term.waitFor('PORTHOLE-EXIT=0');
			assert.ok(!screen.includes(name), 'the UI is gone from the screen');
		} finally {
			await term.kill();
		}
	});

	it('read-only shows no dangerous hints and ignores their keys', async () => {
		const term = new TmuxSession();
		try {
			await term.start([process.execPath, cli, '--host', testHost(), '--read-only'], {columns: 120, rows: 30});
			const screen = await term.waitFor(name);
			assert.match(screen, /read-only/);
			assert.doesNotMatch(screen, /start\/stop|remove/);
			await term.send('/');
			await term.type(name);
			await term.send('Enter', 'K', 'y', 'D', 'y', 's');
			await term.send('?');
			const help = await term.waitFor('Keys (Esc');
			assert.doesNotMatch(help, /Kill the container/);
			// The help screen came after those keys, so they were all handled: nothing changed.
			assert.equal(await engineState(name), 'running');
		} finally {
			await term.kill();
		}
	});
});
