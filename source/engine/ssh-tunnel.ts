import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {ResultPromise} from 'execa';
import {EngineError, EXIT_FAILURE, EXIT_UNREACHABLE, oneLine, type EngineFailure} from './connection-errors.js';
import {discoveryScript, shellQuote, socketMarker} from './ssh-discovery.js';
import {removeTree} from './remove-tree.js';
import {serverHostKey, sshFailure} from './ssh-errors.js';

/** Where to log in, as parsed from ssh://[user@]host[:port], plus the user's ssh settings. */
export type SshTarget = {
	host: string;
	/** Only when the URL gave one: otherwise the ssh config's Port applies. */
	port?: number;
	username?: string;
	/** Passed as `ssh -F` (--ssh-config, PORTHOLE_SSH_CONFIG). */
	configFile?: string;
	/** The engine socket on the remote host (--remote-socket); found there when absent. */
	remoteSocket?: string;
};

/** Timings; tests shorten them. */
export type SshTunnelOptions = {
	/** The ssh binary (default `ssh` from PATH). */
	ssh?: string;
	/** ServerAliveInterval (s) and ServerAliveCountMax: a dead link is noticed after about their product. */
	aliveIntervalSec?: number;
	aliveCountMax?: number;
	/** ConnectTimeout (s) for the TCP connection. */
	connectTimeoutSec?: number;
	/** How long ready() waits for login, discovery and the forward, in all. */
	readyTimeoutMs?: number;
};

const dirPrefix = 'porthole-ssh-';
/** execa, loaded at the first ssh login: about 60 ms to load, and most runs have no ssh host. */
const loadExeca = () => import('execa').then(module => module.execa);
let [swept, exitHooked] = [false, false];
/** Live tunnels: one process exit handler kills all their ssh processes (a crash or process.exit included). */
const live = new Set<SshTunnel>();

/**
 * Removes the folders of tunnels whose process died without cleaning up
 * (SIGKILL: its ssh then exits on its own, as its stdin closes, but the
 * folder stays). Each folder names its owner's pid; only dead owners' go.
 */
export function sweepStaleTunnelDirs(dir = tmpdir()): void {
	let names: string[];
	try {
		names = readdirSync(dir).filter(name => name.startsWith(dirPrefix));
	} catch {
		return;
	}
	for (const name of names) {
		try {
			const pid = Number(readFileSync(join(dir, name, 'owner'), 'utf8'));
			if (!Number.isInteger(pid) || pid <= 0 || alive(pid)) continue;
			removeTree(join(dir, name));
		} catch {
			// Not ours to judge (no owner file, or not readable): left alone.
		}
	}
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
const stderrCap = 16 * 1024;

/**
 * One ssh connection to a remote engine for as long as Porthole runs: the
 * system `ssh` (so OpenSSH reads the user's config, agent, key files and
 * known_hosts) logs in once as a ControlMaster whose session finds the
 * remote engine socket, then a local unix socket in a private 0700 folder is
 * forwarded to it through that master (`ssh -O forward`, no second login).
 * Dockerode talks to the local socket for everything: lists, events, stats,
 * logs, exec and attach. ready() (re)starts it when it is not up; close()
 * kills ssh and removes the folder, and so does process exit.
 */
export class SshTunnel {
	/** The private folder holding the control socket and the forwarded socket. */
	readonly dir: string;
	/** The local end of the forward: dockerode's socketPath. */
	readonly socketPath: string;
	private readonly controlPath: string;
	private child: ResultPromise | undefined;
	private connecting: Promise<void> | undefined;
	private up = false;
	private closed = false;
	private stderr = '';
	/** Why the link last failed or closed, for messages while it is down. */
	private failure: EngineFailure | undefined;
	/** The engine socket on the remote host, once found. */
	remoteSocket: string | undefined;

	constructor(private readonly target: SshTarget, private readonly options: SshTunnelOptions = {}) {
		if (!swept) {
			swept = true;
			sweepStaleTunnelDirs();
		}
		// mkdtemp makes the folder 0700: nobody else may reach the forwarded engine.
		this.dir = mkdtempSync(join(tmpdir(), dirPrefix));
		writeFileSync(join(this.dir, 'owner'), String(process.pid));
		this.socketPath = join(this.dir, 'docker.sock');
		this.controlPath = join(this.dir, 'ctl');
		this.remoteSocket = target.remoteSocket;
		// A crash or process.exit still kills ssh and removes the folder.
		live.add(this);
		if (!exitHooked) {
			exitHooked = true;
			process.once('exit', () => {
				for (const tunnel of live) tunnel.killNow();
			});
		}
	}

	/** The command that logs in by hand, e.g. to accept a host key: `ssh -F cfg -p 2222 me@box`. */
	loginCommand(): string {
		const {configFile, port, username, host} = this.target;
		return ['ssh', ...(configFile ? ['-F', configFile] : []), ...(port ? ['-p', String(port)] : []), `${username ? `${username}@` : ''}${host}`].join(' ');
	}

	/** Resolves when the forwarded socket leads to the engine; starts ssh when it is not running. Throws EngineError. */
	ready(signal?: AbortSignal): Promise<void> {
		if (this.closed) return Promise.reject(new Error('the ssh link is closed'));
		if (this.up) return Promise.resolve();
		this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
		if (!signal) return this.connecting;
		return new Promise((resolve, reject) => {
			const stop = () => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
			if (signal.aborted) return stop();
			signal.addEventListener('abort', stop, {once: true});
			this.connecting!.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
		});
	}

	/** While the link is down, its reason explains any connection error better than the socket's own. */
	explain(error: unknown): string | undefined {
		if (error instanceof EngineError) return error.failure.message;
		const loose = error as {code?: unknown; message?: unknown} | undefined;
		const code = typeof loose?.code === 'string' ? loose.code : '';
		const linkError = /^(ECONNREFUSED|ENOENT|ECONNRESET|EPIPE)$/.test(code) || loose?.message === 'socket hang up' || loose?.message === 'the engine closed the events stream';
		if (!linkError) return undefined;
		if (!this.up && this.failure) return this.failure.message;
		// ssh may not have been seen to exit yet when its sockets close; or it is up and the engine behind it is not.
		const remote = this.remoteSocket ? ` at ${oneLine(this.remoteSocket)}` : '';
		return `ssh ${oneLine(this.target.host)}: the connection to the engine closed (${oneLine(code || String(loose?.message))}): the ssh link dropped, or the engine${remote} there is not running`;
	}

	/** Kills ssh, waits for it, and removes the private folder. */
	async close(): Promise<void> {
		this.closed = true;
		const child = this.child;
		this.stopChild();
		await child?.catch(() => undefined);
		removeTree(this.dir);
		live.delete(this);
	}

	/** At process exit: synchronous, so it runs even then. */
	killNow(): void {
		this.stopChild();
		removeTree(this.dir);
	}

	private stopChild(): void {
		this.up = false;
		this.child?.kill('SIGTERM');
		this.child = undefined;
	}

	private commonArgs(): string[] {
		const {configFile, port, username} = this.target;
		return [...(configFile ? ['-F', configFile] : []), ...(port ? ['-p', String(port)] : []), ...(username ? ['-l', username] : [])];
	}

	private async connect(): Promise<void> {
		const execa = await loadExeca();
		if (this.closed) throw new Error('the ssh link is closed'); // while execa loaded: start nothing
		this.stopChild();
		rmSync(this.socketPath, {force: true});
		rmSync(this.controlPath, {force: true});
		const {aliveIntervalSec = 2, aliveCountMax = 3, connectTimeoutSec = 10, readyTimeoutMs = 20_000} = this.options;
		const args = [
			...this.commonArgs(),
			'-T', '-a', '-x',
			// Never a prompt: an unknown host key or a missing key is refused, and we say so.
			'-o', 'BatchMode=yes',
			'-o', 'ControlMaster=yes', '-o', `ControlPath=${this.controlPath}`, '-o', 'ControlPersist=no',
			'-o', `ServerAliveInterval=${aliveIntervalSec}`, '-o', `ServerAliveCountMax=${aliveCountMax}`,
			'-o', `ConnectTimeout=${connectTimeoutSec}`,
			// Stats and lists are JSON: compressed, the link carries a fraction of what the engine writes.
			'-o', 'Compression=yes',
			'-o', 'ExitOnForwardFailure=yes', '-o', 'StreamLocalBindUnlink=yes',
			// The user's LocalForward and RemoteCommand lines for this host are theirs to run, not ours.
			'-o', 'ClearAllForwardings=yes', '-o', 'PermitLocalCommand=no', '-o', 'RemoteCommand=none',
			// Errors are what we parse; a config's LogLevel QUIET would hide them.
			'-o', 'LogLevel=ERROR',
			'--', this.target.host, `sh -c ${shellQuote(discoveryScript(this.remoteSocket))}`,
		];
		this.stderr = '';
		const child = execa(this.options.ssh ?? 'ssh', args, {stdin: 'pipe', stdout: 'pipe', stderr: 'pipe', buffer: false, reject: false, cleanup: true});
		this.child = child;
		child.stderr?.setEncoding('utf8');
		child.stderr?.on('data', (chunk: string) => {
			this.stderr = (this.stderr + chunk).slice(-stderrCap);
		});
		let spawnError: string | undefined;
		const exited = child.then(result => {
			// reject: false: a missing binary arrives as a result with the spawn error's code.
			const code = (result as {code?: unknown}).code;
			if (typeof code === 'string') spawnError = code;
		}, () => undefined);
		void exited.then(() => this.onChildExit(child));

		const socket = await this.readSocketLine(child, exited, readyTimeoutMs, () => spawnError);
		if (!socket) {
			this.stopChild();
			const message = this.target.remoteSocket
				? `no socket at ${oneLine(this.target.remoteSocket)} there (--remote-socket)`
				: `no Docker engine socket found there (looked at DOCKER_HOST, /var/run/docker.sock, /run/user/UID/docker.sock and Podman's sockets); give its path with --remote-socket PATH`;
			throw this.fail({kind: 'missing', exitCode: EXIT_UNREACHABLE, message: `ssh ${oneLine(this.target.host)}: ${message}`});
		}
		this.remoteSocket = socket;
		// The request goes to the master through its control socket, so no config is read: a config's LocalForward
		// lines would otherwise ride along with ours.
		const forward = await execa(this.options.ssh ?? 'ssh', ['-F', '/dev/null', '-S', this.controlPath, '-O', 'forward', '-L', `${this.socketPath}:${socket}`, '--', this.target.host], {reject: false, timeout: 10_000, stdin: 'ignore'});
		if (forward.exitCode !== 0 || this.child !== child) {
			this.stopChild();
			const said = oneLine(String(forward.stderr ?? '')) || 'ssh exited';
			throw this.fail({kind: 'unknown', exitCode: EXIT_UNREACHABLE, message: `ssh ${oneLine(this.target.host)}: could not forward a local socket to ${oneLine(socket)} (${said})`});
		}
		this.failure = undefined;
		this.up = true;
	}

	/** Waits for the discovery line; ssh exiting first or the deadline turn into a failure from what ssh said. */
	private async readSocketLine(child: ResultPromise, exited: Promise<void>, timeoutMs: number, spawnError: () => string | undefined): Promise<string> {
		let timer: NodeJS.Timeout | undefined;
		let buffer = '';
		const line = new Promise<string>(resolve => {
			child.stdout?.setEncoding('utf8');
			child.stdout?.on('data', (chunk: string) => {
				buffer = (buffer + chunk).slice(-stderrCap);
				// A login script may print first; only our marker's line counts.
				const found = new RegExp(`(?:^|\\n)${socketMarker}([^\\n]*)\\n`).exec(buffer);
				if (found) resolve(found[1]!);
			});
		});
		const timeout = new Promise<'timeout'>(resolve => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
		try {
			const outcome = await Promise.race([line, exited.then(() => 'exited' as const), timeout]);
			if (outcome === 'timeout') {
				this.stopChild();
				throw this.fail({kind: 'timeout', exitCode: EXIT_UNREACHABLE, message: `ssh ${oneLine(this.target.host)}: no login within ${Math.round(timeoutMs / 1000)} s`});
			}
			const failedSpawn = spawnError();
			if (outcome === 'exited' && failedSpawn) {
				const missing = failedSpawn === 'ENOENT';
				throw this.fail({kind: 'unknown', exitCode: missing ? EXIT_UNREACHABLE : EXIT_FAILURE, message: `ssh ${oneLine(this.target.host)}: ${missing ? `the ssh command was not found (${oneLine(this.options.ssh ?? 'ssh')}); install OpenSSH's client` : `ssh could not start (${oneLine(failedSpawn)})`}`});
			}
			if (outcome === 'exited') throw this.fail(await this.exitFailure());
			return outcome;
		} finally {
			clearTimeout(timer);
		}
	}

	/** What ssh's exit means; an unknown host key gets its fingerprint from a `-v` attempt, which stops before any login. */
	private async exitFailure(): Promise<EngineFailure> {
		const stderr = this.stderr;
		let fingerprint: string | undefined;
		if (/Host key verification failed\./.test(stderr) && !/HAS CHANGED/.test(stderr)) {
			const execa = await loadExeca();
			const probe = await execa(this.options.ssh ?? 'ssh', [...this.commonArgs(), '-v', '-T', '-o', 'BatchMode=yes', '-o', 'ControlPath=none', '-o', 'ConnectTimeout=5', '-o', 'RemoteCommand=none', '-o', 'ClearAllForwardings=yes', '-o', 'PermitLocalCommand=no', '--', this.target.host, 'true'], {reject: false, timeout: 10_000, stdin: 'ignore'});
			fingerprint = serverHostKey(String(probe.stderr ?? ''));
		}
		return sshFailure(stderr, this.target.host, this.loginCommand(), fingerprint);
	}

	private fail(failure: EngineFailure): EngineError {
		this.failure = failure;
		return new EngineError(failure);
	}

	/** ssh ended: a dropped link or our own kill. The next ready() starts it again. */
	private onChildExit(child: ResultPromise): void {
		if (this.child !== child) return;
		this.child = undefined;
		const wasUp = this.up;
		this.up = false;
		rmSync(this.socketPath, {force: true});
		if (wasUp) this.failure = sshFailure(this.stderr || 'Connection closed', this.target.host, this.loginCommand());
	}
}
