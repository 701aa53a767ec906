import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {engineState, TestContainers, testHost} from '../helpers/engine.js';
import {TmuxSession} from './tmux.js';
import {waitFor} from '../helpers/wait.js';
import {execa} from 'execa';

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
			// No y after them: y copies a file out (allowed read-only), and a dialog that wrongly opened would
			// hold the ? below, so the help never showing still fails this test.
			await term.send('Enter', 'K', 'D', 's', 'p', 'r');
			await term.send('?');
			const help = await term.waitFor('Keys (Esc');
			assert.doesNotMatch(help, /Kill the container/);
			// The help screen came after those keys, so they were all handled: nothing changed.
			assert.equal(await engineState(name), 'running');
		} finally {
			await term.kill();
		}
	});

	it('a resize from 160 to 220 columns and back redraws the whole screen: status bar, table and footer, no leftovers (issue 10 #14)', async () => {
		const term = new TmuxSession();
		try {
			await term.start([process.execPath, cli, '--host', testHost()], {columns: 160, rows: 40});
			await term.waitFor(new RegExp(`^${name}\\s`, 'm'));
			await term.resize(220, 40);
			// The wide frame has the PROJECT column; the narrow one drops it.
			await term.waitFor(/^NAME.*PROJECT/m);
			await term.resize(160, 40);
			await waitFor(async () => !/PROJECT/.test(await term.screen()), {timeoutMs: 5000, intervalMs: 50, what: 'the narrow frame'});
			let screen = '';
			await waitFor(async () => {
				screen = await term.screen();
				const lines = screen.split('\n');
				return /^Porthole .*connected/.test(lines[0] ?? '') && lines.some(line => line.startsWith(name)) && /q quit/.test(lines.at(-1) ?? '');
			}, {timeoutMs: 5000, intervalMs: 100, what: 'the whole screen redrawn'}).catch(() => {
				throw new Error(`the screen after 160 → 220 → 160 columns:\n${screen}`);
			});
			const lines = screen.split('\n');
			assert.equal(lines.length, 40);
			assert.doesNotMatch(lines[1] ?? '', /\S/, 'the message line holds nothing left from the wide frame');
		} finally {
			await term.kill();
		}
	});

	it('Ctrl-Z gives the shell back with the terminal as it was, and fg brings the UI back drawn and taking keys (issue 10 #13)', async () => {
		const term = new TmuxSession();
		try {
			await term.start(['bash', '--norc', '--noprofile', '-i'], {columns: 120, rows: 30, env: {PS1: 'shell$ '}});
			await term.waitFor('shell$');
			await term.sendText(`'${process.execPath}' '${cli}' --host '${testHost()}'`);
			await term.send('Enter');
			await term.waitFor(new RegExp(`^${name}\\s`, 'm'));
			await term.send('C-z');
			const shell = await term.waitFor(/Stopped[\s\S]*^shell\$$/m);
			assert.doesNotMatch(shell, /NAME▲/, 'the alternate screen is left');
			// Line mode: the shell reads and echoes a line as usual.
			await term.sendText('echo still-$((6*7))');
			await term.send('Enter');
			await term.waitFor(/^still-42$/m);
			await term.sendText('fg');
			await term.send('Enter');
			await term.waitFor(new RegExp(`^${name}\\s`, 'm'));
			// Raw mode again: one key, no Enter, opens help.
			await term.send('?');
			await term.waitFor('Keys (Esc or ? to go back)');
			await term.send('Escape');
			const back = await term.waitFor(new RegExp(`^${name}\\s`, 'm'));
			assert.match(back.split('\n')[0] ?? '', /^Porthole .*connected/);
			// kill -TSTP from outside does the same as Ctrl-Z.
			// The pane runs sh, which runs the interactive bash, which runs porthole.
			const shellPid = (await execa('pgrep', ['-P', String(await term.panePid()), 'bash'])).stdout.trim();
			const {stdout} = await execa('pgrep', ['-P', shellPid, '-f', 'porthole.js']);
			const pid = Number(stdout.trim().split('\n')[0]);
			assert.ok(pid > 0, `porthole's pid under the shell: ${stdout}`);
			process.kill(pid, 'SIGTSTP');
			const stopped = await term.waitFor(/Stopped[\s\S]*Stopped[\s\S]*^shell\$$/m);
			assert.doesNotMatch(stopped, /NAME▲/, 'the alternate screen is left');
			await term.sendText('fg');
			await term.send('Enter');
			await term.waitFor(new RegExp(`^${name}\\s`, 'm'));
			await term.send('?');
			await term.waitFor('Keys (Esc or ? to go back)');
			await term.send('Escape');
			await term.waitFor(new RegExp(`^${name}\\s`, 'm'));
			await term.send('q');
			await term.waitFor(/^shell\$$/m);
		} finally {
			await term.kill();
		}
	});
});
