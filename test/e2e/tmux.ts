import {execa} from 'execa';
import {randomBytes} from 'node:crypto';
import {waitFor} from '../helpers/wait.js';

/**
 * A real pseudo-terminal driven through tmux on a private server socket, so
 * tests never touch the user's own tmux. Type with `send`, read with `screen`.
 */
export class TmuxSession {
	private readonly socket = `porthole-e2e-${randomBytes(4).toString('hex')}`;
	private readonly target = 'e2e';

	private tmux(...args: string[]) {
		return execa('tmux', ['-L', this.socket, ...args]);
	}

	/** Starts `command` (argv) in a detached session of the given size. When it exits, the pane prints its exit code and stays. */
	async start(command: string[], {columns = 160, rows = 45, env = {}}: {columns?: number; rows?: number; env?: Record<string, string>} = {}): Promise<void> {
		const quoted = command.map(part => `'${part.replaceAll("'", "'\\''")}'`).join(' ');
		// A UTF-8 locale unless a test says otherwise: Porthole draws ASCII in any other (cli/terminal-caps.ts), whatever the machine's LANG.
		const exports = Object.entries({LANG: 'C.UTF-8', LC_ALL: '', LC_CTYPE: '', ...env}).map(([key, value]) => `${key}='${value.replaceAll("'", "'\\''")}'`).join(' ');
		// CI is unset: chalk's supports-color gives no colour at all when CI is set (as .ci/run sets it), and a
		// real terminal is what these tests stand for.
		const shell = `unset CI; ${exports} ${quoted}; echo "PORTHOLE-EXIT=$?"; sleep 600`;
		await this.tmux('-f', '/dev/null', 'new-session', '-d', '-s', this.target, '-x', String(columns), '-y', String(rows), 'sh', '-c', shell);
	}

	/** Sends keys as tmux names them ("j", "Enter", "Escape", "C-c"). Each argument is a separate key press. */
	async send(...keys: string[]): Promise<void> {
		for (const key of keys) await this.tmux('send-keys', '-t', this.target, key);
	}

	/**
	 * Sends several keys in one send-keys, so they reach the program in one
	 * write, as a fast typist, a paste or an SSH link delivers them. Each
	 * argument is a tmux key name ("C-u", "Enter") or, if it names none, literal text.
	 */
	async burst(...keys: string[]): Promise<void> {
		await this.tmux('send-keys', '-t', this.target, ...keys);
	}

	/** Sends literal text, character by character, as a typist would. */
	async type(text: string): Promise<void> {
		for (const char of text) await this.tmux('send-keys', '-t', this.target, '-l', char);
	}

	/** Sends literal text in one go, as a paste or a fast typist would (much quicker than `type` for long lines). */
	async sendText(text: string): Promise<void> {
		await this.tmux('send-keys', '-t', this.target, '-l', text);
	}

	/** The visible screen as plain text. */
	async screen(): Promise<string> {
		return (await this.tmux('capture-pane', '-p', '-t', this.target)).stdout;
	}

	/** The visible screen with its colour and style escapes, as tmux holds them (truecolor kept as 38;2;r;g;b). */
	async screenWithEscapes(): Promise<string> {
		return (await this.tmux('capture-pane', '-p', '-e', '-t', this.target)).stdout;
	}

	/** Whether the program in the pane has switched to the alternate screen. */
	async alternateScreen(): Promise<boolean> {
		return (await this.tmux('display-message', '-p', '-t', this.target, '#{alternate_on}')).stdout.trim() === '1';
	}

	/** The process id of the pane's first process (the shell or program `start` ran). */
	async panePid(): Promise<number> {
		return Number((await this.tmux('display-message', '-p', '-t', this.target, '#{pane_pid}')).stdout.trim());
	}

	/** A tmux format of the pane, such as `#{mouse_sgr_flag}` (whether the program asked for SGR mouse reports). */
	async paneFormat(format: string): Promise<string> {
		return (await this.tmux('display-message', '-p', '-t', this.target, format)).stdout;
	}

	/** Waits until the screen matches, and returns it. */
	async waitFor(pattern: string | RegExp, timeoutMs = 10000): Promise<string> {
		let last = '';
		try {
			await waitFor(async () => {
				last = await this.screen();
				return typeof pattern === 'string' ? last.includes(pattern) : pattern.test(last);
			}, {timeoutMs, intervalMs: 50, what: String(pattern)});
			return last;
		} catch {
			throw new Error(`screen never showed ${String(pattern)} within ${timeoutMs} ms; it shows:\n${last}`);
		}
	}

	/** Resizes the terminal, as a user dragging the window would. */
	async resize(columns: number, rows: number): Promise<void> {
		await this.tmux('resize-window', '-t', this.target, '-x', String(columns), '-y', String(rows));
	}

	/**
	 * Ends the session and its server, and waits until the server is gone: a
	 * new session started while it was still exiting failed with "server
	 * exited unexpectedly".
	 */
	async kill(): Promise<void> {
		await this.tmux('kill-server').catch(() => undefined);
		await waitFor(async () => this.tmux('list-sessions').then(() => false, () => true), {timeoutMs: 5000, what: `tmux server ${this.socket} to exit`});
	}
}
