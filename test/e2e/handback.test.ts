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

	it('a shell whose container is removed says why, and the keys typed for it do not act on the table', async () => {
		const before = await record(bystander);
		await term.send('g');
		await term.waitFor(new RegExp(`^${victim}\\s.*running`, 'm'));
		await term.send('e');
		await shellReady('no stale text');
		await term.waitFor(`in ${victim} — exit`);
		await docker('rm', '-f', victim);
		// Typed for the shell, quickly, while Porthole takes the terminal back.
		for (const line of ['ps', 'rm -f /tmp/x', 'ps']) {
			await term.sendText(line);
			await term.send('Enter');
		}
		const screen = await term.waitFor(`shell in ${victim} ended: container removed`);
		assert.match(screen, new RegExp(`filter: ${prefix} `), 'the filter is as it was: "/" went nowhere');
		assert.doesNotMatch(screen, /\(y\/N\)|Pause|Restart|Stop the/, 'no dialog opened');
		assert.equal(await record(bystander), before, 'the other container was not restarted, paused or stopped');
		assert.equal(await engineState(victim), undefined);
	});

	it('a second Ctrl-D (and Enter) after leaving a shell removes nothing', async () => {
		await term.waitFor(new RegExp(`^${bystander}\\s.*running`, 'm'));
		await term.send('e');
		await shellReady(`ended: container removed`);
		await term.send('C-d');
		await term.send('C-d');
		await term.send('Enter');
		await term.waitFor(`in ${bystander} exited with code 0`);
		await term.send('Enter');
		const screen = await term.waitFor(new RegExp(`^${bystander}\\s.*running`, 'm'));
		assert.doesNotMatch(screen, /Remove /);
		assert.equal(await engineState(bystander), 'running');
	});

	// Resetting the scroll region and origin mode moved the cursor to the top:
	// the prompt after quitting landed on the second line, over the banner.
	it('quitting after a shell leaves the cursor under the shell\'s last line', async () => {
		await term.send('e');
		await shellReady(`in ${bystander} exited with code 0`);
		await term.sendText('echo marker-$((6*7))');
		await term.send('Enter');
		await term.waitFor(/^marker-42$/m);
		await term.sendText('exit');
		await term.send('Enter');
		// The table takes keys once it says how the shell ended (the last notice went as the shell began).
		await term.waitFor(`in ${bystander} exited with code 0`);
		await term.send('q');
		const lines = (await term.waitFor('PORTHOLE-EXIT=0')).split('\n');
		const marker = lines.findLastIndex(line => line === 'marker-42');
		const exit = lines.findIndex(line => line.includes('PORTHOLE-EXIT=0'));
		assert.ok(marker >= 0 && exit > marker, `the exit line (${exit}) comes after the shell's output (${marker}):\n${lines.join('\n')}`);
		assert.match(lines[exit] ?? '', /^PORTHOLE-EXIT=0\s*$/, 'written on a line of its own, over nothing');
	});
});
