import type Dockerode from 'dockerode';
import {PassThrough, type Duplex, type Readable, type Writable} from 'node:stream';
import {Demuxer} from './frame-demuxer.js';
import {httpStatus} from './resource-errors.js';

/** A terminal size in cells. */
export type TerminalSize = {columns: number; rows: number};

/**
 * A hijacked engine connection wired to a terminal: bytes from `output` go to
 * the screen, key presses go to `input`. With a TTY the engine sends raw
 * bytes; without one its frames are demultiplexed into `output`.
 */
export type InteractiveSession = {
	readonly output: Readable;
	/** Undefined when the session takes no input (attach to a container without open stdin). */
	readonly input?: Writable;
	/** Resizes the remote TTY; never throws (a session that just ended cannot be resized, and that is fine). */
	resize(size: TerminalSize): Promise<void>;
	/** Ends the session from our side (close the connection). */
	close(): void;
	/** The exit code once the session has ended: a number, `undefined` when it has none (attach), or throws the engine's error. */
	result(): Promise<number | undefined>;
	/** True when the remote side has a TTY (raw bytes, no frames). */
	readonly tty: boolean;
};

/** What a command run without a terminal printed, and how it exited. */
export type ExecOutput = {output: string; exitCode: number};

/** Exec and attach: everything that runs code in, or talks to, a container's processes. */
export type ExecApi = {
	/**
	 * The first of `shells` that runs in the container (each is tried with
	 * `-c 'exit 0'`), or undefined when none does. Throws the engine's error
	 * when the container cannot exec at all (not running, gone).
	 */
	findShell(id: string, shells: readonly string[]): Promise<string | undefined>;
	/** Runs `cmd` without a TTY, collecting stdout and stderr (capped at 1 MiB) and the exit code. */
	execCollect(id: string, cmd: readonly string[], options?: {signal?: AbortSignal}): Promise<ExecOutput>;
	/** Starts `cmd` with a TTY of `size`, hijacked with stdin. */
	execInteractive(id: string, cmd: readonly string[], size: TerminalSize): Promise<InteractiveSession>;
	/** Attaches to the container's main process with detach keys Ctrl-P Ctrl-Q. */
	attachInteractive(id: string, size: TerminalSize): Promise<InteractiveSession>;
};

/** The detach sequence the engine watches for on an attach's stdin, as the docker CLI spells it. */
export const detachKeys = 'ctrl-p,ctrl-q';

const collectCap = 1024 * 1024;


/**
 * Runs a resize call, taking an HTTP 2xx answer for the success it is: Podman
 * answers exec resizes with 201 Created, and dockerode, which expects 200,
 * rejects it as "unexpected". Other failures are rethrown.
 */
export async function resizeAccepting(call: () => Promise<unknown>): Promise<void> {
	try {
		await call();
	} catch (error) {
		const status = httpStatus(error);
		if (status !== undefined && status >= 200 && status < 300) return;
		throw error;
	}
}

/**
 * Retries a resize briefly: right after start the process may not exist yet,
 * and the docker CLI retries likewise. Returns how many calls it took
 * (0 when none succeeded).
 */
export async function resizeSoon(resize: () => Promise<unknown>): Promise<number> {
	for (let attempt = 0; attempt < 10; attempt++) {
		try {
			await resizeAccepting(resize);
			return attempt + 1;
		} catch {
			await new Promise(resolve => setTimeout(resolve, 10 * (attempt + 1)));
		}
	}
	return 0;
}

/** Turns the engine's multiplexed frames into one byte stream (stdout and stderr together, as a terminal shows them). */
function demux(source: Readable): PassThrough {
	const out = new PassThrough();
	const demuxer = new Demuxer();
	source.on('data', (chunk: Buffer) => {
		for (const piece of demuxer.push(chunk)) out.write(piece.bytes);
	});
	source.once('close', () => out.end());
	source.once('end', () => out.end());
	source.once('error', () => out.end());
	return out;
}

/** The exit code of an exec, waiting briefly for the engine to record it after the stream ends. */
async function exitCodeOf(exec: Dockerode.Exec): Promise<number | undefined> {
	for (let attempt = 0; attempt < 20; attempt++) {
		const info = await exec.inspect();
		if (!info.Running) return info.ExitCode ?? undefined;
		await new Promise(resolve => setTimeout(resolve, 25));
	}
	return undefined;
}

/** The exec and attach calls over one dockerode client. */
export function execApi(docker: Dockerode): ExecApi {
	const execCollect: ExecApi['execCollect'] = async (id, cmd, options = {}) => {
		const exec = await docker.getContainer(id).exec({Cmd: [...cmd], AttachStdout: true, AttachStderr: true, Tty: false});
		const stream = (await exec.start({abortSignal: options.signal} as never)) as unknown as Readable;
		const chunks: Buffer[] = [];
		let size = 0;
		const output = demux(stream);
		output.on('data', (chunk: Buffer) => {
			if (size >= collectCap) return;
			chunks.push(chunk);
			size += chunk.length;
		});
		await new Promise<void>(resolve => output.once('end', resolve).once('close', resolve));
		const exitCode = await exitCodeOf(exec);
		return {output: Buffer.concat(chunks).toString('utf8'), exitCode: exitCode ?? -1};
	};

	return {
		execCollect,
		async findShell(id, shells) {
			for (const shell of shells) {
				const {exitCode} = await execCollect(id, [shell, '-c', 'exit 0']);
				if (exitCode === 0) return shell;
			}
			return undefined;
		},
		async execInteractive(id, cmd, size) {
			const exec = await docker.getContainer(id).exec({
				Cmd: [...cmd],
				AttachStdin: true,
				AttachStdout: true,
				AttachStderr: true,
				Tty: true,
				// Honoured from API 1.42; older engines ignore it, so we resize right after start too.
				ConsoleSize: [size.rows, size.columns],
			} as Dockerode.ExecCreateOptions);
			const socket = (await exec.start({hijack: true, stdin: true, Tty: true})) as unknown as Duplex;
			const resize = async (next: TerminalSize) => {
				try {
					await resizeAccepting(() => exec.resize({h: next.rows, w: next.columns}));
				} catch {
					// The exec may have ended between the signal and the call.
				}
			};
			void resizeSoon(() => exec.resize({h: size.rows, w: size.columns}));
			return {
				output: socket,
				input: socket,
				tty: true,
				resize,
				close: () => socket.destroy(),
				result: () => exitCodeOf(exec),
			};
		},
		async attachInteractive(id, size) {
			const container = docker.getContainer(id);
			const info = await container.inspect();
			const tty = Boolean(info.Config?.Tty);
			const stdinOpen = Boolean(info.Config?.OpenStdin);
			const socket = (await container.attach({stream: true, stdin: stdinOpen, stdout: true, stderr: true, hijack: true, detachKeys} as never)) as unknown as Duplex;
			const resize = async (next: TerminalSize) => {
				if (!tty) return;
				try {
					await resizeAccepting(() => container.resize({h: next.rows, w: next.columns}));
				} catch {
					// Resizing a container that just stopped fails; nothing to do.
				}
			};
			if (tty) void resizeSoon(() => container.resize({h: size.rows, w: size.columns}));
			return {
				output: tty ? socket : demux(socket),
				input: stdinOpen ? socket : undefined,
				tty,
				resize,
				close: () => socket.destroy(),
				result: async () => undefined,
			};
		},
	};
}
