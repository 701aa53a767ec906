import type {Readable} from 'node:stream';

/**
 * The chunks of an engine stream owned through `signal`: aborting destroys the
 * stream, and the iteration then ends quietly with nothing more yielded. Any
 * other stream error is thrown to the owner. The stream is destroyed however
 * the iteration ends.
 */
export async function* ownedChunks(stream: Readable, signal: AbortSignal): AsyncGenerator<Buffer | string> {
	if (signal.aborted) {
		stream.destroy();
		return;
	}
	const onAbort = () => stream.destroy();
	signal.addEventListener('abort', onAbort, {once: true});
	try {
		for await (const chunk of stream) {
			if (signal.aborted) return;
			yield chunk as Buffer | string;
		}
	} catch (error) {
		if (signal.aborted) return;
		throw error;
	} finally {
		signal.removeEventListener('abort', onAbort);
		stream.destroy();
	}
}
