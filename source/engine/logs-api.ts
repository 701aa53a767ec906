import type Dockerode from 'dockerode';
import {ownedChunks} from './owned-chunks.js';
import {writeAtomically} from './atomic-file.js';
import type {Readable} from 'node:stream';
import type {RawLogLine} from '../domain/log-line.js';
import {Demuxer} from './frame-demuxer.js';
import {LogDecoder} from './log-frames.js';
import {withTask} from './service-log-details.js';

/** What part of a container's log to read. */
export type LogRequest = {
	/** From `Config.Tty`: a TTY container's log is one raw stream, not frames. */
	tty: boolean;
	/** Keep the stream open for new lines. */
	follow: boolean;
	/** Only the last N lines; undefined for all. */
	tail?: number;
	/** Only lines at or after this time: engine form, seconds[.nanoseconds] since the epoch. */
	since?: string;
	/** Read a Swarm service's log (`/services/{id}/logs`: every task, on every node) instead of a container's. */
	service?: boolean;
};

/** What a save wrote. */
export type SaveResult = {bytes: number};

/** The logs calls: a line stream for the view and a byte-exact save to disk. */
export type LogsApi = {
	/**
	 * A container's log as batches of lines (one batch per chunk the engine
	 * sends), always with timestamps. Ends when the log ends (without follow,
	 * or when the container stops) or the signal aborts; after an abort it
	 * yields nothing more.
	 */
	logLines(id: string, request: LogRequest, signal: AbortSignal): Promise<AsyncIterable<RawLogLine[]>>;
	/**
	 * Streams the complete log (stdout and stderr as the container wrote them,
	 * no timestamps, long lines whole) from the engine into a file. Refuses an
	 * existing file unless `overwrite`; the error then has code EEXIST. All or
	 * nothing: when the read fails, an existing file is untouched and no new
	 * file is left.
	 */
	saveLog(id: string, options: {tty: boolean; path: string; overwrite: boolean; service?: boolean}, signal?: AbortSignal): Promise<SaveResult>;
};

/** Opens the raw logs byte stream; dockerode buffers instead when follow is off, so this dials directly. */
async function logStream(docker: Dockerode, id: string, query: Record<string, unknown>, signal?: AbortSignal, service = false): Promise<Readable> {
	return new Promise((resolve, reject) => {
		docker.modem.dial({
			path: `/${service ? 'services' : 'containers'}/${encodeURIComponent(id)}/logs?`,
			method: 'GET',
			isStream: true,
			abortSignal: signal,
			statusCodes: {200: true, 404: service ? 'no such service' : 'no such container', 500: 'server error', 503: 'node is not a swarm manager'},
			options: query,
		} as never, (error: unknown, stream: unknown) => (error ? reject(error) : resolve(stream as Readable)));
	});
}

/** The logs calls over one dockerode client. */
export function logsApi(docker: Dockerode): LogsApi {
	return {
		async logLines(id, request, signal) {
			const query: Record<string, unknown> = {stdout: true, stderr: true, timestamps: true, follow: request.follow};
			query.tail = request.tail === undefined ? 'all' : String(request.tail);
			if (request.since !== undefined) query.since = request.since;
			// A service's lines carry their task in the details (`com.docker.swarm.task.id=…`), read off in decodeLines.
			if (request.service) query.details = true;
			const stream = await logStream(docker, id, query, signal, request.service);
			return decodeLines(stream, new LogDecoder({tty: request.tty, timestamps: true}), signal, request.service === true);
		},
		async saveLog(id, {tty, path, overwrite, service}, signal) {
			let bytes = 0;
			// The engine is asked first, into a file beside the target: a failed read leaves the target as it was.
			await writeAtomically(path, {overwrite}, async file => {
				const stream = await logStream(docker, id, {stdout: true, stderr: true, follow: false, tail: 'all'}, signal, service);
				const demuxer = tty ? undefined : new Demuxer();
				for await (const chunk of stream) {
					const pieces = demuxer ? demuxer.push(chunk as Buffer).map(piece => piece.bytes) : [chunk as Buffer];
					for (const piece of pieces) {
						await file.write(piece);
						bytes += piece.length;
					}
				}
			});
			return {bytes};
		},
	};
}

async function* decodeLines(stream: Readable, decoder: LogDecoder, signal: AbortSignal, details: boolean): AsyncGenerator<RawLogLine[]> {
	const read = details ? (lines: RawLogLine[]) => lines.map(withTask) : (lines: RawLogLine[]) => lines;
	for await (const chunk of ownedChunks(stream, signal)) {
		const lines = decoder.push(typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk);
		if (lines.length > 0) yield read(lines);
	}
	const rest = decoder.end();
	if (rest.length > 0 && !signal.aborted) yield read(rest);
}
