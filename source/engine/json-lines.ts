import type {Readable} from 'node:stream';

/** Counts JSON lines the engine sent that could not be parsed, so they are reported rather than swallowed. */
export const parseErrors = {count: 0};

/**
 * Reads newline-delimited JSON (the shape of `/events` and `/stats` streams) and
 * yields each object. Ends quietly when the stream ends or the signal aborts;
 * other stream errors are thrown to the caller, who owns the stream.
 */
export async function* jsonLines<T>(stream: Readable, signal: AbortSignal): AsyncGenerator<T> {
	const onAbort = () => stream.destroy();
	signal.addEventListener('abort', onAbort, {once: true});
	let pending = '';
	try {
		for await (const chunk of stream) {
			pending += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
			let newline = pending.indexOf('\n');
			while (newline !== -1) {
				const line = pending.slice(0, newline).trim();
				pending = pending.slice(newline + 1);
				if (line !== '') {
					const parsed = parseLine<T>(line);
					if (parsed !== undefined) yield parsed;
				}
				newline = pending.indexOf('\n');
			}
		}
		const rest = pending.trim();
		if (rest !== '') {
			const parsed = parseLine<T>(rest);
			if (parsed !== undefined) yield parsed;
		}
	} catch (error) {
		if (signal.aborted) return;
		throw error;
	} finally {
		signal.removeEventListener('abort', onAbort);
		stream.destroy();
	}
}

function parseLine<T>(line: string): T | undefined {
	try {
		return JSON.parse(line) as T;
	} catch {
		parseErrors.count++;
		return undefined;
	}
}
