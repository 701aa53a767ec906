import type {Socket} from 'node:net';

/** Where a plain-HTTP engine listens: a unix socket (local, or an ssh tunnel's) or a tcp port without TLS. */
export type PlainEndpoint = {socketPath: string} | {host: string; port: number};

/** An engine's answer to a GET: its status, its clock (the Date header) and its body. */
export type PlainAnswer = {status: number; body: string; date?: number};

/** An answer larger than this is refused: no list the engine sends is near it, and a stranger's stream must not fill memory. */
export const PLAIN_GET_MAX_BYTES = 64 * 1024 * 1024;

/** What a server sent that is not HTTP/1.x as an engine speaks it; the caller may ask again through dockerode. */
export class NotPlainHttp extends Error {
	constructor(what: string) {
		super(`not an HTTP answer: ${what}`);
		this.name = 'NotPlainHttp';
	}
}

/**
 * Parses a whole HTTP/1.x response as read up to the connection's close: the
 * status, the Date header as epoch seconds, and the body (de-chunked when a
 * server chunks an answer to HTTP/1.0 anyway; cut to Content-Length).
 */
export function parsePlainAnswer(raw: Buffer): PlainAnswer {
	const end = raw.indexOf('\r\n\r\n');
	if (end < 0) throw new NotPlainHttp('no end of headers');
	const head = raw.subarray(0, end).toString('latin1').split('\r\n');
	const status = /^HTTP\/1\.[01] (\d{3})(?: |$)/.exec(head[0] ?? '');
	if (!status) throw new NotPlainHttp(JSON.stringify(head[0]?.slice(0, 40) ?? ''));
	const headers = new Map<string, string>();
	for (const line of head.slice(1)) {
		const colon = line.indexOf(':');
		if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
	}
	let body = raw.subarray(end + 4);
	if (/\bchunked\b/i.test(headers.get('transfer-encoding') ?? '')) body = unchunk(body);
	else if (headers.has('content-length')) {
		const length = Number(headers.get('content-length'));
		if (!Number.isSafeInteger(length) || length < 0 || length > body.length) throw new NotPlainHttp('a body shorter than its Content-Length');
		body = body.subarray(0, length);
	}
	const dateMs = Date.parse(headers.get('date') ?? '');
	return {status: Number(status[1]), body: body.toString('utf8'), ...(Number.isFinite(dateMs) ? {date: dateMs / 1000} : {})};
}

function unchunk(body: Buffer): Buffer {
	const parts: Buffer[] = [];
	let at = 0;
	for (;;) {
		const lineEnd = body.indexOf('\r\n', at);
		if (lineEnd < 0) throw new NotPlainHttp('a chunk without its size line');
		const size = Number.parseInt(body.subarray(at, lineEnd).toString('latin1').split(';')[0]!, 16);
		if (!Number.isSafeInteger(size) || size < 0) throw new NotPlainHttp('a chunk size that is not a number');
		if (size === 0) return Buffer.concat(parts);
		const start = lineEnd + 2;
		if (start + size > body.length) throw new NotPlainHttp('a chunk cut short');
		parts.push(body.subarray(start, start + size));
		at = start + size + 2;
	}
}

/**
 * One GET as HTTP/1.0 on a socket of its own, read to the close. Node's HTTP
 * client compiles a few hundred functions on its first request, 6 to 8 ms
 * of CPU ahead of the first frame; the container list needs none of it. The
 * signal destroys the socket. Socket errors come through as Node gives them
 * (ENOENT, ECONNREFUSED: classifyError knows them).
 */
export async function plainGet(endpoint: PlainEndpoint, path: string, signal: AbortSignal, maxBytes = PLAIN_GET_MAX_BYTES): Promise<PlainAnswer> {
	signal.throwIfAborted();
	const net = process.getBuiltinModule('node:net');
	return new Promise((resolve, reject) => {
		const socket: Socket = 'socketPath' in endpoint ? net.connect(endpoint.socketPath) : net.connect(endpoint.port, endpoint.host);
		const chunks: Buffer[] = [];
		let size = 0;
		const stop = () => socket.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
		signal.addEventListener('abort', stop, {once: true});
		const settle = (finish: () => void) => {
			signal.removeEventListener('abort', stop);
			finish();
		};
		// Not end(): Go's server takes a half-close for a client gone, and cancels the request.
		socket.on('connect', () => socket.write(`GET ${path} HTTP/1.0\r\nHost: docker\r\nUser-Agent: porthole\r\n\r\n`));
		socket.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > maxBytes) socket.destroy(new NotPlainHttp(`an answer over ${maxBytes} bytes`));
			else chunks.push(chunk);
		});
		socket.on('error', error => settle(() => reject(error)));
		socket.on('end', () => settle(() => {
			try {
				resolve(parsePlainAnswer(Buffer.concat(chunks)));
			} catch (error) {
				reject(error);
			}
		}));
		socket.on('close', () => settle(() => reject(new NotPlainHttp('closed before the end'))));
	});
}
