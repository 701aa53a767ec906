/**
 * Deadlines for one-shot engine calls. A stuck dockerd (or anything else that
 * answers `/_ping` and then nothing) would otherwise keep a list, an inspect or
 * a one-shot stats call waiting for ever, and `--once` with it. Streams (events,
 * stats, logs, pulls, exec) are long by nature and never get one.
 */

/** How long a list, inspect, version or one-shot stats call may take. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** How long the disk-usage report may take: the engine walks every volume and layer to size them. */
export const DISK_USAGE_TIMEOUT_MS = 30_000;

/** A call that got no answer in time; `code` makes classifyError call it a timeout, `timeoutMs` says how long we waited. */
export class RequestTimeout extends Error {
	readonly code = 'ETIMEDOUT';

	constructor(readonly timeoutMs: number, what: string) {
		super(`${what}: no answer within ${timeoutMs} ms`);
		this.name = 'RequestTimeout';
	}
}

/**
 * Runs `call` with a signal that aborts after `ms`, and rejects with a
 * RequestTimeout at that moment even if the call does not watch the signal
 * (dockerode forwards it for lists, ping and df, but not for every inspect).
 */
export async function withDeadline<T>(what: string, call: (signal: AbortSignal) => Promise<T>, ms = REQUEST_TIMEOUT_MS): Promise<T> {
	const controller = new AbortController();
	let timer: NodeJS.Timeout | undefined;
	const expired = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(() => {
			const error = new RequestTimeout(ms, what);
			controller.abort(error);
			reject(error);
		}, ms);
	});
	const pending = call(controller.signal);
	// After the deadline the call may still fail (aborted): that rejection is already answered.
	pending.catch(() => {});
	try {
		return await Promise.race([pending, expired]);
	} finally {
		clearTimeout(timer);
	}
}

/** `options` with dockerode's `abortSignal` added, typed as the options themselves (@types/dockerode omits the field). */
export function signalled<T extends object>(options: T, signal: AbortSignal): T {
	return {...options, abortSignal: signal};
}
