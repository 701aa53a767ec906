import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {Screen} from './screen.js';

const driver = fileURLToPath(new URL('pty-driver.py', import.meta.url));

/** A screen check: gets the current lines, says whether what we wait for is there. */
export type ScreenCheck = (lines: string[]) => boolean;

/**
 * A command running in a real pseudo-terminal (through bench/pty-driver.py).
 * Counts every byte the command writes to the terminal and keeps the screen
 * up to date as the bytes arrive, so waits resolve at the moment the screen
 * changes (no polling).
 */
export class Terminal {
	/** Bytes written to the terminal so far. */
	bytes = 0;
	/**
	 * Epoch ms when the command was started: when the driver forked it, once
	 * the driver has said so (before the command can write anything), not when
	 * Python was asked to start the driver (~0.4 s earlier on this machine,
	 * which counted in every first frame alike).
	 */
	spawnedAt: number;
	/** Epoch ms of the first byte the command wrote to the terminal (0 until then). */
	firstByteAt = 0;
	readonly screen: Screen;
	private readonly child: ChildProcessWithoutNullStreams;
	private readonly waiters = new Set<{check: ScreenCheck; resolve: (at: number) => void}>();
	private pidValue: Promise<number>;
	private exitValue: Promise<number>;
	private stderr = '';

	constructor(command: string[], {columns = 160, rows = 45, env = {}}: {columns?: number; rows?: number; env?: Record<string, string>} = {}) {
		this.screen = new Screen(columns, rows);
		this.spawnedAt = Date.now();
		this.child = spawn('python3', [driver, String(columns), String(rows), ...command], {
			env: {...process.env, TERM: 'xterm-256color', COLUMNS: String(columns), LINES: String(rows), ...env},
		});
		this.pidValue = new Promise((resolve, reject) => {
			this.child.stderr.on('data', (chunk: Buffer) => {
				this.stderr += chunk.toString();
				const match = /^PID (\d+) ([\d.]+)$/m.exec(this.stderr);
				if (match) {
					this.spawnedAt = Math.round(Number(match[2]));
					resolve(Number(match[1]));
				}
			});
			this.child.once('error', reject);
		});
		this.exitValue = new Promise(resolve => {
			this.child.once('close', () => resolve(Number(/^EXIT (-?\d+)$/m.exec(this.stderr)?.[1] ?? -1)));
		});
		this.child.stdout.on('data', (chunk: Buffer) => {
			const at = Date.now();
			if (this.bytes === 0) this.firstByteAt = at;
			this.bytes += chunk.length;
			this.screen.write(chunk);
			if (this.waiters.size === 0) return;
			const lines = this.screen.lines();
			for (const waiter of [...this.waiters]) {
				if (waiter.check(lines)) {
					this.waiters.delete(waiter);
					waiter.resolve(at);
				}
			}
		});
	}

	/** The pid of the command itself (the driver forks it). */
	pid(): Promise<number> {
		return this.pidValue;
	}

	/** Resolves with the command's exit code when it ends. */
	exited(): Promise<number> {
		return this.exitValue;
	}

	/** What the command wrote to stderr (via the driver), for error messages. */
	get errors(): string {
		return this.stderr.replace(/^(PID \d+ [\d.]+|EXIT -?\d+)\n/gm, '');
	}

	/**
	 * Resolves with the epoch ms of the chunk after which the screen passes
	 * `check` (at once if it already does); rejects after `timeoutMs`.
	 */
	waitFor(check: ScreenCheck, timeoutMs: number, what: string): Promise<number> {
		if (check(this.screen.lines())) return Promise.resolve(Date.now());
		return new Promise((resolve, reject) => {
			const waiter = {check, resolve: (at: number) => {
				clearTimeout(timer);
				resolve(at);
			}};
			const timer = setTimeout(() => {
				this.waiters.delete(waiter);
				reject(new Error(`the screen did not show ${what} within ${timeoutMs} ms; it shows:\n${this.screen.text()}\n${this.errors}`));
			}, timeoutMs);
			this.waiters.add(waiter);
		});
	}

	/** Types keys (raw bytes, e.g. "j", "\r", "\u001b"). */
	type(keys: string): void {
		this.child.stdin.write(keys);
	}

	/** Ends the command (SIGTERM through the driver) and waits for it; resolves with its exit code. */
	async stop(timeoutMs = 5000): Promise<number> {
		this.child.stdin.end();
		const timer = setTimeout(() => {
			// The command ignored SIGTERM: kill it, not only the driver, so nothing is left behind.
			void this.pidValue.then(pid => process.kill(pid, 'SIGKILL')).catch(() => undefined);
			this.child.kill('SIGKILL');
		}, timeoutMs);
		const code = await this.exitValue;
		clearTimeout(timer);
		return code;
	}
}
