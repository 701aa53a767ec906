import assert from 'node:assert/strict';
import {copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {execFileSync} from 'node:child_process';
import {TestContainers, testHost} from '../helpers/engine.js';
import {logins, sshAlias, sshConfig, sshProcesses} from '../helpers/sshd.js';
import {waitFor} from '../helpers/wait.js';
import {TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));

/** The pid of the Porthole started with `config` (each run gets its own copy of the config, so this finds exactly it). */
function portholePid(config: string): number | undefined {
	// Node itself, not the shell or tmux that started it (their command lines name both too).
	const line = execFileSync('ps', ['-eo', 'pid=,args='], {encoding: 'utf8'}).split('\n').find(text => text.trim().split(/\s+/)[1] === process.execPath && text.includes(cli) && text.includes(config));
	return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}

/** The tunnel folders (private sockets) that process `pid` made and has not removed. */
function tunnelDirsOf(pid: number): string[] {
	return readdirSync(tmpdir()).filter(name => name.startsWith('porthole-ssh-')).filter(name => {
		try {
			return Number(readFileSync(join(tmpdir(), name, 'owner'), 'utf8')) === pid;
		} catch {
			return false;
		}
	});
}

describe('over ssh in a real terminal', () => {
	const containers = new TestContainers();
	const name = containers.name('e2e-ssh');
	const configs: string[] = [];

	/** A copy of the test client config for one run, and the terminal running Porthole with it. */
	const startRun = async (): Promise<{term: TmuxSession; config: string}> => {
		const config = join(tmpdir(), `porthole-sshtest-e2e-${process.pid}-${configs.length}`);
		copyFileSync(sshConfig(), config);
		configs.push(config);
		const term = new TmuxSession();
		await term.start([process.execPath, cli, '--ssh-config', config, '--host', `ssh://${sshAlias}`], {columns: 150, rows: 40, env: {SSH_AUTH_SOCK: ''}});
		await term.waitFor(`connected ssh://${sshAlias}`, 20_000);
		return {term, config};
	};

	before(async () => {
		testHost();
		await containers.run(name, ['sleep', '300']);
	});

	after(async () => {
		for (const config of configs) rmSync(config, {force: true});
		await containers.cleanup();
	});

	it('starts over ssh, opens an exec shell that follows a resize, on one login, and leaves no ssh behind', async () => {
		const before = logins();
		const {term, config} = await startRun();
		try {
			await term.send('/');
			await term.type(name);
			await term.send('Enter');
			await term.waitFor(new RegExp(`${name}\\s.*running`));
			await term.send('e');
			await term.waitFor(/^~ #/m, 15_000);
			await term.sendText('echo over-ssh-$((6*7))');
			await term.send('Enter');
			await term.waitFor('over-ssh-42');
			await term.resize(120, 33);
			await term.sendText('stty size');
			await term.send('Enter');
			await term.waitFor(/^33 120$/m);
			await term.sendText('exit 3');
			await term.send('Enter');
			await term.waitFor(`in ${name} exited with code 3`);
			await term.send('q');
			await term.waitFor('PORTHOLE-EXIT=0');
			assert.equal(logins() - before, 1, 'one ssh login for the whole run');
			assert.deepEqual(sshProcesses(config), [], 'no ssh process left after quit');
		} finally {
			await term.kill();
		}
	});

	it('names the host in the status bar, with the round trip of a slow link (through a ProxyCommand)', async () => {
		const config = join(tmpdir(), `porthole-sshtest-e2e-${process.pid}-slow`);
		const proxy = fileURLToPath(new URL('../helpers/slow-proxy.mjs', import.meta.url));
		// 80 ms each way: every ping crosses the link, so it takes 160 ms or more.
		writeFileSync(config, readFileSync(sshConfig(), 'utf8').replace(/^(\s*HostName .*)$/m, `$1\n  ProxyCommand ${process.execPath} ${proxy} %h %p 80`));
		configs.push(config);
		const term = new TmuxSession();
		try {
			await term.start([process.execPath, cli, '--ssh-config', config, '--host', `ssh://${sshAlias}`], {columns: 150, rows: 40});
			const screen = await term.waitFor(/connected ssh:\/\/porthole-test \((\d+) ms\)/, 30_000);
			const rtt = Number(/\((\d+) ms\)/.exec(screen)![1]);
			assert.ok(rtt >= 160, `round trip ${rtt} ms`);
			await term.send('q');
			await term.waitFor('PORTHOLE-EXIT=0');
			assert.deepEqual(sshProcesses(config), []);
		} finally {
			await term.kill();
		}
	});

	for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
		it(`${signal} ends it with no ssh process left`, async () => {
			const {term, config} = await startRun();
			try {
				assert.equal(sshProcesses(config).length, 1, 'the one ssh master runs');
				const pid = portholePid(config);
				assert.ok(pid, 'Porthole is in the process table');
				assert.equal(tunnelDirsOf(pid).length, 1, 'its private socket folder exists');
				process.kill(pid, signal);
				await term.waitFor(/PORTHOLE-EXIT=\d+/);
				await waitFor(() => sshProcesses(config).length === 0, {what: `no ssh left after ${signal}`});
				assert.deepEqual(tunnelDirsOf(pid), [], 'no control or forwarded socket left');
			} finally {
				await term.kill();
			}
		});
	}
});
