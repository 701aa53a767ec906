import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {execa} from 'execa';
import type {EngineTarget} from '../../source/engine/connection.js';
import {createEngine} from '../../source/engine/engine.js';
import {SshTunnel} from '../../source/engine/ssh-tunnel.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore} from '../../source/store/store.js';
import {Sync} from '../../source/sync/sync.js';
import {TestContainers, testHost} from '../helpers/engine.js';
import {hostKeyFingerprint, logins, sshAlias, sshConfig, sshdDir, sshdScript, sshdSessions, sshProcesses} from '../helpers/sshd.js';
import {waitFor} from '../helpers/wait.js';

const cli = join(process.cwd(), 'dist', 'porthole.js');

function sshTarget(configFile = sshConfig()): Extract<EngineTarget, {kind: 'ssh'}> {
	return {kind: 'ssh', host: sshAlias, configFile, source: '--host'};
}

/** A copy of the test client config with other known_hosts and extra lines for the alias. */
function configWith(name: string, knownHosts: string, extra = ''): string {
	const path = join(tmpdir(), `porthole-sshtest-${process.pid}-config-${name}`);
	const text = readFileSync(sshConfig(), 'utf8').replace(/UserKnownHostsFile .*/, `UserKnownHostsFile ${knownHosts}${extra}`);
	writeFileSync(path, text);
	return path;
}

/** The built CLI without an ssh agent, so only the config's key file can log in. */
function runCli(args: string[]) {
	const env: NodeJS.ProcessEnv = {...process.env, DOCKER_HOST: '', DOCKER_CONTEXT: ''};
	delete env.SSH_AUTH_SOCK;
	return execa(process.execPath, [cli, ...args], {reject: false, env, timeout: 30_000});
}

describe('ssh through the system client', () => {
	const containers = new TestContainers();
	testHost();
	before(() => {
		sshConfig();
	});
	after(async () => {
		sshdScript('start');
		await containers.cleanup();
	});

	it('lists, streams events, stats and logs, and runs a resized exec, all on one ssh login', async () => {
		const before = logins();
		const engine = createEngine(sshTarget());
		const store = createStore(initialState({target: engine.description}), {batchMs: 0});
		const sync = new Sync(engine, store);
		const stop = new AbortController();
		const running = sync.run({signal: stop.signal});
		try {
			await waitFor(() => store.getSnapshot().connection.status === 'up', {timeoutMs: 15_000, what: 'connected over ssh'});
			// Events: a container made now shows up through the events stream.
			const id = await containers.run(containers.name('ssh'), ['sh', '-c', 'while true; do echo line-$((i=i+1)); sleep 0.2; done']);
			await waitFor(() => store.getSnapshot().containers.get(id)?.state === 'running', {timeoutMs: 10_000, what: 'the new container, through events'});
			await waitFor(() => store.getSnapshot().stats.get(id), {timeoutMs: 10_000, what: 'a stats sample through ssh'});
			// Logs, followed.
			const logs = new AbortController();
			const lines: string[] = [];
			const reading = (async () => {
				for await (const batch of await engine.logLines(id, {tty: false, follow: true, tail: 5}, logs.signal)) lines.push(...batch.map(line => JSON.stringify(line)));
			})().catch(() => undefined);
			await waitFor(() => lines.some(line => line.includes('line-')), {timeoutMs: 10_000, what: 'log lines through ssh'});
			logs.abort();
			await reading;
			// Exec with a TTY, resized.
			const session = await engine.execInteractive(id, ['sh'], {columns: 80, rows: 24});
			let output = '';
			session.output.on('data', chunk => output += String(chunk));
			// Resize once the shell runs (before, the engine may have no process to resize).
			session.input?.write('echo $((40+2))-ok\n');
			await waitFor(() => output.includes('42-ok'), {timeoutMs: 10_000, what: 'the shell answering through ssh'});
			await session.resize({columns: 101, rows: 31});
			session.input?.write('stty size\n');
			await waitFor(() => output.includes('31 101'), {timeoutMs: 10_000, what: 'stty size after a resize through ssh'});
			session.input?.write('exit 4\n');
			await new Promise(resolve => session.output.once('close', resolve));
			assert.equal(await session.result(), 4);
			assert.equal(logins() - before, 1, 'one ssh login for the whole run');
		} finally {
			stop.abort();
			await running;
			await engine.close();
		}
	});

	it('keeps its sockets in a private folder, and leaves no ssh process, socket or folder after close', async () => {
		const tunnel = new SshTunnel(sshTarget());
		await tunnel.ready();
		assert.equal(statSync(tunnel.dir).mode & 0o777, 0o700);
		assert.ok(statSync(tunnel.socketPath).isSocket());
		assert.equal(sshProcesses(tunnel.dir).length, 1, 'one ssh process: the master');
		await tunnel.close();
		assert.deepEqual(sshProcesses(tunnel.dir), []);
		assert.equal(existsSync(tunnel.dir), false);
	});

	it('a crash (an uncaught exception) still kills ssh and removes the private folder', async () => {
		const child = [
			'const {SshTunnel} = await import(process.argv[1]);',
			'const tunnel = new SshTunnel({host: process.argv[2], configFile: process.argv[3]});',
			'await tunnel.ready();',
			'console.log(tunnel.dir);',
			'setTimeout(() => { throw new Error("boom"); }, 10);',
		].join('\n');
		const module = join(process.cwd(), 'source', 'engine', 'ssh-tunnel.ts');
		const result = await execa(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', child, module, sshAlias, sshConfig()], {reject: false, timeout: 30_000});
		assert.notEqual(result.exitCode, 0, 'it crashed');
		assert.match(String(result.stderr), /boom/);
		const dir = String(result.stdout).trim();
		assert.match(dir, /porthole-ssh-/);
		assert.equal(existsSync(dir), false, 'the folder is gone');
		await waitFor(() => sshProcesses(dir).length === 0, {what: 'no ssh left after the crash'});
	});

	it('says reconnecting when sshd dies, and recovers when it is back', async () => {
		const engine = createEngine(sshTarget(), {aliveIntervalSec: 1, aliveCountMax: 2});
		const store = createStore(initialState({target: engine.description}), {batchMs: 0});
		const sync = new Sync(engine, store);
		const stop = new AbortController();
		const running = sync.run({signal: stop.signal, baseBackoffMs: 100, maxBackoffMs: 500});
		try {
			await waitFor(() => store.getSnapshot().connection.status === 'up', {timeoutMs: 15_000, what: 'connected over ssh'});
			sshdScript('stop');
			try {
				await waitFor(() => store.getSnapshot().connection.status === 'retrying', {timeoutMs: 10_000, what: 'reconnecting'});
				assert.match(store.getSnapshot().connection.message ?? '', /^ssh porthole-test: /);
			} finally {
				sshdScript('start');
			}
			await waitFor(() => store.getSnapshot().connection.status === 'up', {timeoutMs: 15_000, what: 'up again'});
			const id = await containers.run(containers.name('after'), ['sleep', '300']);
			await waitFor(() => store.getSnapshot().containers.get(id)?.state === 'running', {timeoutMs: 10_000, what: 'a container made after recovery'});
		} finally {
			stop.abort();
			await running;
			await engine.close();
		}
	});

	it('notices a link that silently stops carrying packets within seconds (keep-alives), and logs in again', async () => {
		const engine = createEngine(sshTarget(), {aliveIntervalSec: 1, aliveCountMax: 2});
		const store = createStore(initialState({target: engine.description}), {batchMs: 0});
		const sync = new Sync(engine, store, {ping: {everyMs: 60_000}});
		const stop = new AbortController();
		const running = sync.run({signal: stop.signal, baseBackoffMs: 100, maxBackoffMs: 500});
		let frozen: number[] = [];
		try {
			await waitFor(() => store.getSnapshot().connection.status === 'up', {timeoutMs: 15_000, what: 'connected over ssh'});
			// The sessions stop answering but keep their sockets open: only keep-alives can tell.
			frozen = sshdSessions();
			assert.ok(frozen.length > 0, 'the session has sshd processes');
			for (const pid of frozen) process.kill(pid, 'SIGSTOP');
			const frozenAt = Date.now();
			await waitFor(() => store.getSnapshot().connection.status === 'retrying', {timeoutMs: 8000, what: 'reconnecting after the keep-alives went unanswered'});
			assert.ok(Date.now() - frozenAt < 8000);
			await waitFor(() => store.getSnapshot().connection.status === 'up', {timeoutMs: 15_000, what: 'up again on a new login'});
		} finally {
			for (const pid of frozen) {
				try {
					process.kill(pid, 'SIGKILL');
				} catch {
					// Already gone.
				}
			}
			stop.abort();
			await running;
			await engine.close();
		}
	});

	it('works from an ssh config alias with a key file and no agent, and leaves no ssh process', async () => {
		const before = logins();
		const result = await runCli(['--ssh-config', sshConfig(), '-H', `ssh://${sshAlias}`, '--json']);
		assert.equal(result.exitCode, 0, String(result.stderr));
		assert.equal(JSON.parse(String(result.stdout)).engine, `ssh://${sshAlias}`);
		assert.equal(result.stderr, '');
		assert.equal(logins() - before, 1);
		assert.deepEqual(sshProcesses(sshConfig()), []);
	});

	it('takes the config from PORTHOLE_SSH_CONFIG too, and the remote socket from --remote-socket', async () => {
		const env: NodeJS.ProcessEnv = {...process.env, DOCKER_HOST: '', PORTHOLE_SSH_CONFIG: sshConfig()};
		delete env.SSH_AUTH_SOCK;
		const ok = await execa(process.execPath, [cli, '-H', `ssh://${sshAlias}`, '--remote-socket', testHost().replace('unix://', ''), '--once'], {reject: false, env});
		assert.equal(ok.exitCode, 0, String(ok.stderr));
		const missing = await execa(process.execPath, [cli, '-H', `ssh://${sshAlias}`, '--remote-socket', '/nonexistent/docker.sock', '--once'], {reject: false, env});
		assert.equal(missing.exitCode, 3);
		assert.equal(missing.stderr, 'porthole: ssh porthole-test: no socket at /nonexistent/docker.sock there (--remote-socket)');
	});

	it('refuses an unknown host key: exit 3, one line with the host, the fingerprint and how to accept it', async () => {
		const knownHosts = join(tmpdir(), `porthole-sshtest-${process.pid}-known-empty-known-hosts`);
		writeFileSync(knownHosts, '');
		const config = configWith('unknown', knownHosts);
		const result = await runCli(['--ssh-config', config, '-H', `ssh://${sshAlias}`, '--once']);
		assert.equal(result.exitCode, 3);
		assert.equal(result.stdout, '');
		const lines = String(result.stderr).split('\n');
		assert.equal(lines.length, 1, String(result.stderr));
		assert.equal(lines[0], `porthole: ssh ${sshAlias}: unknown host key (ED25519 ${hostKeyFingerprint()}), refused; if it is right, run \`ssh -F ${config} ${sshAlias}\` once to accept it`);
		assert.equal(readFileSync(knownHosts, 'utf8'), '', 'nothing was added to known_hosts');
	});

	it('accepts an unknown key when the user\'s config says accept-new, and records it', async () => {
		const knownHosts = join(tmpdir(), `porthole-sshtest-${process.pid}-known-accept-new`);
		writeFileSync(knownHosts, '');
		const config = configWith('accept-new', knownHosts, '\n  StrictHostKeyChecking accept-new');
		const result = await runCli(['--ssh-config', config, '-H', `ssh://${sshAlias}`, '--once']);
		assert.equal(result.exitCode, 0, String(result.stderr));
		assert.equal(result.stderr, '', 'ssh\'s "Permanently added" warning is not passed on');
		assert.match(readFileSync(knownHosts, 'utf8'), /^\[127\.0\.0\.1\]:\d+ ssh-ed25519 /);
	});

	it('refuses a changed host key: exit 3, one line, and the warning never shows', async () => {
		const knownHosts = join(tmpdir(), `porthole-sshtest-${process.pid}-known-changed`);
		const other = join(tmpdir(), `porthole-sshtest-${process.pid}-known-other-key`);
		await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other], {input: 'y\n', reject: false});
		const port = /Port (\d+)/.exec(readFileSync(sshConfig(), 'utf8'))![1];
		writeFileSync(knownHosts, `[127.0.0.1]:${port} ${readFileSync(`${other}.pub`, 'utf8').split(' ').slice(0, 2).join(' ')}\n`);
		const config = configWith('changed', knownHosts);
		const result = await runCli(['--ssh-config', config, '-H', `ssh://${sshAlias}`, '--once']);
		assert.equal(result.exitCode, 3);
		const lines = String(result.stderr).split('\n');
		assert.equal(lines.length, 1, String(result.stderr));
		assert.equal(lines[0], `porthole: ssh ${sshAlias}: the host key CHANGED (ED25519 ${hostKeyFingerprint()}), refused; if that is expected: ssh-keygen -f "${knownHosts}" -R "[127.0.0.1]:${port}", then \`ssh -F ${config} ${sshAlias}\` once to accept the new key`);
		assert.doesNotMatch(String(result.stderr), /@@@|NASTY/);
	});

	it('runs none of the config\'s own forwards or remote command, and its LogLevel QUIET hides no refusal', async () => {
		const port = 40_000 + (process.pid % 20_000);
		const odd = `\n  LogLevel QUIET\n  RemoteCommand echo not-ours\n  LocalForward 127.0.0.1:${port} 127.0.0.1:9`;
		const tunnel = new SshTunnel(sshTarget(configWith('odd', join(sshdDir(), 'known_hosts'), odd)));
		try {
			await tunnel.ready();
			assert.ok(statSync(tunnel.socketPath).isSocket());
			const listening = execFileSync('ss', ['-ltnH'], {encoding: 'utf8'});
			assert.doesNotMatch(listening, new RegExp(`127\\.0\\.0\\.1:${port}\\b`), 'the config\'s LocalForward was not opened');
		} finally {
			await tunnel.close();
		}
		const emptyKnown = join(tmpdir(), `porthole-sshtest-${process.pid}-known-odd-empty`);
		writeFileSync(emptyKnown, '');
		const refused = await runCli(['--ssh-config', configWith('odd-unknown', emptyKnown, odd), '-H', `ssh://${sshAlias}`, '--once']);
		assert.equal(refused.exitCode, 3);
		assert.match(String(refused.stderr), /^porthole: ssh porthole-test: unknown host key \(ED25519 SHA256:/);
	});

	it('says so in one line when there is no ssh command', async () => {
		const tunnel = new SshTunnel(sshTarget(), {ssh: '/nonexistent/ssh'});
		try {
			await assert.rejects(tunnel.ready(), (error: Error & {failure?: {exitCode: number; message: string}}) => {
				assert.equal(error.failure?.exitCode, 3);
				assert.equal(error.failure?.message, 'ssh porthole-test: the ssh command was not found (/nonexistent/ssh); install OpenSSH\'s client');
				return true;
			});
		} finally {
			await tunnel.close();
		}
		assert.equal(existsSync(tunnel.dir), false);
	});

	it('cleans a tunnel folder left by a killed process', async () => {
		const child = execa(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
		const dir = join(tmpdir(), `porthole-ssh-killed${process.pid}`);
		await execa('mkdir', ['-m', '700', dir]);
		writeFileSync(join(dir, 'owner'), String(child.pid));
		child.kill('SIGKILL');
		await child.catch(() => undefined);
		const {sweepStaleTunnelDirs} = await import('../../source/engine/ssh-tunnel.js');
		const mine = join(tmpdir(), `porthole-ssh-alive${process.pid}`);
		await execa('mkdir', ['-m', '700', mine]);
		writeFileSync(join(mine, 'owner'), String(process.pid));
		sweepStaleTunnelDirs();
		assert.equal(existsSync(dir), false, 'a dead owner\'s folder goes');
		assert.equal(existsSync(mine), true, 'a live owner\'s folder stays');
		await execa('rm', ['-rf', mine]);
	});

	after(async () => {
		await execa('sh', ['-c', `rm -f ${tmpdir()}/porthole-sshtest-${process.pid}-*`]);
		// Nothing this file started may be left in the process table.
		assert.deepEqual(sshProcesses(sshdDir()), []);
	});
});
