/**
 * Writing the snapshot to stdout, where a failed write is an error. A full disk
 * (`--once > /dev/full`) or a closed pipe used to end with exit 0 although
 * nothing was written; a script must be able to tell.
 */

/** The snapshot could not be written; its message is one line for stderr. */
export class OutputError extends Error {
	constructor(message: string, options?: ErrorOptions) {
		super(message, options);
		this.name = 'OutputError';
	}
}

const reasons: Record<string, string> = {
	ENOSPC: 'no space left on the device',
	EPIPE: 'the reader closed the pipe',
	EBADF: 'standard output is closed',
	EIO: 'input/output error',
	EACCES: 'permission denied',
	EFBIG: 'the file is too large',
	EDQUOT: 'the disk quota is exceeded',
};

/** A write error as one line: what we could not do, and why in words (the code kept for searching). */
export function outputFailure(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	const why = code ? `${reasons[code] ?? 'write failed'} (${code})` : error instanceof Error ? error.message : String(error);
	return `cannot write the output: ${why}`;
}

/** Writes `text` to `stream` and resolves once it is flushed; rejects with an OutputError when it cannot be written. */
export function writeOutput(text: string, stream: NodeJS.WritableStream = process.stdout): Promise<void> {
	return new Promise((resolve, reject) => {
		const failed = (error: unknown) => reject(new OutputError(outputFailure(error), {cause: error}));
		// Kept on: the stream emits 'error' after the write callback, and an
		// unheard 'error' would throw past us with a stack trace.
		stream.on('error', failed);
		try {
			stream.write(text, error => {
				if (error) failed(error);
				else resolve();
			});
		} catch (error) {
			failed(error);
		}
	});
}
