import type {InteractiveSession, TerminalSize} from '../engine/exec-api.js';

/** The real terminal: what a session reads keys from and writes output to. */
export type TerminalIo = {
	stdin: NodeJS.ReadableStream & {isTTY?: boolean; setRawMode?: (mode: boolean) => unknown; pause(): unknown; resume(): unknown};
	stdout: NodeJS.WritableStream & {columns?: number; rows?: number; on(event: 'resize', listener: () => void): unknown; off(event: 'resize', listener: () => void): unknown};
};

/** The process's own terminal. */
export function processIo(): TerminalIo {
	return {stdin: process.stdin, stdout: process.stdout};
}

/** The terminal's size, with the classic 80×24 when it does not say. */
export function terminalSize(stdout: TerminalIo['stdout']): TerminalSize {
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}

const turn = () => new Promise<void>(resolve => setImmediate(resolve));

/**
 * Pauses stdin with an event-loop turn on either side. After stdin has been
 * read, handing the TTY to a session without this can leave Node blocked in a
 * read on the TTY once the session ends, and the UI freezes (issue 4: this
 * fixed it every time). Called before every handover and after every session.
 */
export async function quietStdin(stdin: TerminalIo['stdin']): Promise<void> {
	await turn();
	stdin.pause();
	await turn();
}

/**
 * Throws away what the terminal sent that nobody has read yet: keys typed
 * for a session that has ended must not reach Porthole's table.
 */
export function drainStdin(stdin: TerminalIo['stdin']): void {
	try {
		while (stdin.read() !== null) {
			// Discarded: meant for the child.
		}
	} catch {
		// A closed terminal has nothing to drain.
	}
}

/**
 * Terminal modes a program in the container may have switched on and left on
 * (a killed vi, a shell that died mid-paste, `printf '\033[5;10r'`): a soft
 * reset (DECSTR) first, then each mode set explicitly, since terminals differ
 * in what DECSTR covers: the scroll region back to the whole screen, insert
 * mode off, autowrap on, origin mode off, the character sets to ASCII,
 * colours, cursor keys, keypad, mouse reporting and bracketed paste. Setting
 * the scroll region and the origin mode moves the cursor to the top left, so
 * it is saved before them (DECSC, after DECSTR has reset what it saves) and
 * put back after: else the screen Ink leaves on quitting would get the next
 * prompt on its second line, over the session's first. Ink then takes the
 * alternate screen again and hides the cursor for its own frame. The final
 * CR LF ends the session's last line: Ink redraws from the cursor's column,
 * and a prompt left mid-line would shift its first row.
 */
export const restoreModes = '\u001b[!p\u001b7\u001b[r\u001b[4l\u001b[?7h\u001b[?6l\u001b8\u001b(B\u000f\u001b[0m\u001b[?1l\u001b>\u001b[?1000l\u001b[?1002l\u001b[?1003l\u001b[?1006l\u001b[?2004l\u001b[?25h\r\n';

/** How a session ended: its end of the connection closed, the user detached, or the connection broke. */
export type SessionEnd = {how: 'ended' | 'detached' | 'dropped'; error?: unknown};

/** Options of one session. */
export type PipeOptions = {
	/** A line printed before the session starts, saying how to get back. */
	banner: string;
	/**
	 * Watch for Ctrl-P Ctrl-Q (attach). When the session takes input, the
	 * engine detaches on it and we close only if it has not within `detachGraceMs`;
	 * without input we close at once. Ctrl-C also detaches when there is no input.
	 */
	detach?: boolean;
	detachGraceMs?: number;
};

const ctrlP = 0x10;
const ctrlQ = 0x11;
const ctrlC = 0x03;

/**
 * Pipes the real terminal to a session until it ends: raw mode on, keys to
 * the session, its output to the screen, every terminal resize sent on.
 * Always undoes all of it (listeners, raw mode, stdin paused) before
 * returning, however the session ended. Never throws.
 */
export async function pipeSession(session: InteractiveSession, io: TerminalIo, options: PipeOptions): Promise<SessionEnd> {
	const {stdin, stdout} = io;
	let end: SessionEnd | undefined;
	let finish: (value: SessionEnd) => void = () => undefined;
	const ended = new Promise<SessionEnd>(resolve => {
		finish = value => {
			end ??= value;
			resolve(end);
		};
	});
	let detachTimer: NodeJS.Timeout | undefined;
	let afterCtrlP = false;

	const detachNow = () => {
		end ??= {how: 'detached'};
		if (!session.input) {
			session.close();
			finish(end);
			return;
		}
		detachTimer ??= setTimeout(() => {
			session.close();
			finish({how: 'detached'});
		}, options.detachGraceMs ?? 1000);
	};
	const onKeys = (chunk: Buffer | string) => {
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		if (options.detach) {
			for (const byte of bytes) {
				if (afterCtrlP && byte === ctrlQ) detachNow();
				if (!session.input && byte === ctrlC) detachNow();
				afterCtrlP = byte === ctrlP;
			}
		}
		if (session.input?.writable) session.input.write(bytes);
	};
	const onOutput = (chunk: Buffer | string) => {
		stdout.write(chunk);
	};
	const onResize = () => {
		void session.resize(terminalSize(stdout));
	};
	const onEnd = () => finish(end ?? {how: 'ended'});
	const onError = (error: unknown) => finish(end ?? {how: 'dropped', error});

	stdout.write(options.banner);
	session.output.on('data', onOutput);
	session.output.once('end', onEnd);
	session.output.once('close', onEnd);
	session.output.once('error', onError);
	session.input?.on('error', onError);
	stdout.on('resize', onResize);
	try {
		if (stdin.isTTY) stdin.setRawMode?.(true);
		stdin.on('data', onKeys);
		stdin.resume();
		onResize();
		return await ended;
	} finally {
		if (detachTimer) clearTimeout(detachTimer);
		stdin.removeListener('data', onKeys);
		stdout.off('resize', onResize);
		session.output.removeListener('data', onOutput);
		session.output.removeListener('end', onEnd);
		session.output.removeListener('close', onEnd);
		session.output.removeListener('error', onError);
		session.output.on('error', () => undefined); // A late error from a closed socket must not crash the app.
		session.input?.removeListener('error', onError);
		session.input?.on('error', () => undefined);
		session.close();
		try {
			if (stdin.isTTY) stdin.setRawMode?.(false);
		} catch {
			// The terminal went away; nothing to restore.
		}
		stdout.write(restoreModes);
		await quietStdin(stdin);
		drainStdin(stdin);
	}
}
