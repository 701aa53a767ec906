import type {Readable} from 'node:stream';
import {StringDecoder} from 'node:string_decoder';
import {ownedChunks} from './owned-chunks.js';

/**
 * Reads newline-delimited JSON (the shape of `/events` and `/stats` streams) and
 * yields each object. Characters split across chunks are decoded whole. A line
 * that is not JSON is skipped (the engine's next line carries on). Ends
 * quietly when the stream ends or the signal aborts, and yields nothing after
 * an abort; other stream errors are thrown to the caller, who owns the stream.
 */
export async function* ndjsonObjects<T>(stream: Readable, signal: AbortSignal): AsyncGenerator<T> {
	const decoder = new StringDecoder('utf8');
	let pending = '';
	for await (const chunk of ownedChunks(stream, signal)) {
		pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
		let newline = pending.indexOf('\n');
		while (newline !== -1) {
			if (signal.aborted) return;
			const line = pending.slice(0, newline).trim();
			pending = pending.slice(newline + 1);
			if (line !== '') {
				const parsed = parseLine<T>(line);
				if (parsed !== undefined) yield parsed;
			}
			newline = pending.indexOf('\n');
		}
	}
	const rest = (pending + decoder.end()).trim();
	if (rest !== '' && !signal.aborted) {
		const parsed = parseLine<T>(rest);
		if (parsed !== undefined) yield parsed;
	}
}

function parseLine<T>(line: string): T | undefined {
	try {
		return JSON.parse(line) as T;
	} catch {
		return undefined;
	}
}
