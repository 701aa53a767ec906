import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {docker, engineState, TestContainers, testHost} from '../helpers/engine.js';
import {waitFor} from '../helpers/wait.js';
import {TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));

/** What the engine says of a container: its state and how often it restarted or was paused. */
async function record(name: string): Promise<string> {
	return docker('inspect', '-f', '{{.State.Status}} {{.State.StartedAt}} {{.RestartCount}}', name);
}

describe('the terminal comes back clean from exec (issue 10 #3, #12)', () => {
	const containers = new TestContainers();
	const term = new TmuxSession();
	const prefix = containers.name('e2e-hb');
	const victim = `${prefix}-a`;
	const bystander = `${prefix}-b`;

	/** Waits for the shell's prompt under its banner. */
	const shellReady = async (stale: string) => {
		let last = '';
		try {
			await waitFor(async () => {
				last = await term.screen();
				return /porthole:.* in [\s\S]*^~ #/m.test(last) && !last.includes(stale);
			}, {timeoutMs: 10000, intervalMs: 50, what: 'a fresh shell'});
		} catch {
			throw new Error(`no fresh shell; the screen shows:\n${last}`);
		}
	};

	/** The screen laid out as Porthole draws it: status bar on top, the table's header and rows below, the footer last. */
	const assertDrawn = (screen: string, rows: string[]) => {
		const lines = screen.split('\n');
		assert.match(lines[0] ?? '', /^Porthole .*connected/, `the status bar is on the first line:\n${screen}`);
		const header = lines.findIndex(line => /^NAME/.test(line));
		assert.ok(header >= 1 && header <= 3, `the table header is at the top:\n${screen}`);
		rows.forEach((row, index) => assert.match(lines[header + 1 + index] ?? '', new RegExp(`^${row}\\s`), `row ${row} under the header:\n${screen}`));
		assert.match(lines.at(-1) ?? '', /^(filter: \S+  )?q quit/, `the footer is on the last line:\n${screen}`);
	};

	before(async () => {
		await containers.run(victim, ['sleep', '300']);
		await containers.run(bystander, ['sleep', '300']);
		await term.start([process.execPath, cli, '--host', testHost()], {columns: 150, rows: 40});
		await term.waitFor('connected');
		await term.send('/');
		await term.type(prefix);
		await term.send('Enter');
		await term.waitFor(new RegExp(`${bystander}\\s.*running`));
	});

	after(async () => {
		await term.kill();
		await containers.cleanup();
	});

	it('modes a child leaves set (scroll region, insert, no autowrap, origin) are reset: the UI draws whole', async () => {
		await term.send('e');
		await shellReady('no stale text');
		await term.sendText(String.raw`printf '\033[5;10r\033[4h\033[?7l\033[?6h'; exit`);
		await term.send('Enter');
		await term.waitFor(/exited with code 0/);
		// Move the cursor and open help and back, so Ink redraws rows through the modes the child left.
		await term.send('j');
		await term.send('?');
		await term.waitFor('Keys (Esc or ? to go back)');
		await term.send('Escape');
		const screen = await term.waitFor(new RegExp(`^${bystander}\\s.*running`, 'm'));
		assertDrawn(screen, [victim, bystander]);
	});
});
