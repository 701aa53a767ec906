import type {RawLogLine} from '../domain/log-line.js';
import {Demuxer} from './frame-demuxer.js';

/**
 * Decoding of the engine's `/containers/{id}/logs` byte stream.
 *
 * Without a TTY the engine multiplexes stdout and stderr into frames: an
 * 8-byte header (stream type, three zero bytes, big-endian payload length)
 * and the payload. With a TTY the bytes come raw, as one stream. Chunks from
 * the socket cut anywhere: inside a header, a frame, a timestamp, a line or a
 * UTF-8 character. Everything here works on bytes and decodes a line only
 * once it is complete, so nothing is split wrongly.
 */

/** Bytes of a line kept for display; the rest is counted and dropped (the saved log keeps it whole). */
export const maxLineBytes = 8192;
/** Longest timestamp prefix we wait for before treating the bytes as text. */
const maxTimeBytes = 40;
const NL = 0x0a;
const SPACE = 0x20;

/**
 * Builds lines of one stream from bytes. With timestamps on, each engine
 * message starts with an RFC3339Nano time and a space: a frame start
 * (multiplexed) or a line start (TTY). A line longer than `maxBytes` keeps its
 * first bytes and counts the rest, so a megabyte without a newline costs
 * `maxBytes` of memory.
 */
class LineAssembler {
	private parts: Buffer[] = [];
	private kept = 0;
	private cut = 0;
	private time = '';
	private started = false;
	private expectTime: boolean;
	private timeBytes: Buffer[] = [];
	private timeFill = 0;
	/** The line was emitted cut; its bytes up to the newline are dropped. */
	private skipping = false;

	constructor(private readonly stream: RawLogLine['stream'], private readonly timestamps: boolean, private readonly timeEachLine: boolean, private readonly maxBytes: number) {
		this.expectTime = timestamps;
	}

	/** A new engine message starts here (multiplexed frame start). */
	messageStart(): void {
		if (this.timestamps) this.expectTime = true;
	}

	feed(bytes: Buffer, out: RawLogLine[]): void {
		let rest = bytes;
		while (rest.length > 0) {
			if (this.expectTime) {
				const space = rest.indexOf(SPACE);
				const piece = space === -1 ? rest : rest.subarray(0, space);
				this.timeBytes.push(piece);
				this.timeFill += piece.length;
				if (space === -1 && this.timeFill <= maxTimeBytes) return;
				const prefix = Buffer.concat(this.timeBytes).toString('latin1');
				this.timeBytes = [];
				this.timeFill = 0;
				this.expectTime = false;
				if (space === -1 || !/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(prefix)) {
					// Not a timestamp after all: keep the bytes (and the space) as text.
					this.append(Buffer.from(prefix, 'latin1'), out);
					if (space === -1) return;
					rest = rest.subarray(space);
					continue;
				}
				if (!this.started) this.time = prefix;
				rest = rest.subarray(space + 1);
				this.started = true;
				continue;
			}
			const newline = rest.indexOf(NL);
			if (newline === -1) {
				this.append(rest, out);
				return;
			}
			this.append(rest.subarray(0, newline), out);
			this.emit(out);
			rest = rest.subarray(newline + 1);
			if (this.timeEachLine) this.expectTime = this.timestamps;
		}
	}

	/** The partial line at the end of the stream, if any. */
	flush(out: RawLogLine[]): void {
		if (this.timeFill > 0) {
			this.append(Buffer.concat(this.timeBytes), out);
			this.timeBytes = [];
			this.timeFill = 0;
		}
		if (this.started) this.emit(out);
	}

	/**
	 * Adds bytes to the line. Past `maxBytes` the line is emitted at once, cut
	 * (a megabyte with no newline yet is shown, not held back until its
	 * newline that may never come), and the rest up to the newline is dropped.
	 */
	private append(bytes: Buffer, out: RawLogLine[]): void {
		this.started = true;
		if (this.skipping) return;
		const room = this.maxBytes - this.kept;
		if (bytes.length <= room) {
			if (bytes.length > 0) this.parts.push(bytes);
			this.kept += bytes.length;
			return;
		}
		if (room > 0) this.parts.push(bytes.subarray(0, room));
		this.kept += Math.max(0, room);
		this.cut += bytes.length - Math.max(0, room);
		this.emit(out);
		this.started = true;
		this.skipping = true;
	}

	private emit(out: RawLogLine[]): void {
		if (this.skipping) {
			// The line went out when it overflowed; this is the end of its dropped rest.
			this.skipping = false;
			this.started = false;
			this.time = '';
			return;
		}
		const buffer = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
		let text = buffer.toString('utf8');
		if (text.endsWith('\r')) text = text.slice(0, -1);
		out.push({stream: this.stream, time: this.time, text, cut: this.cut});
		this.parts = [];
		this.kept = 0;
		this.cut = 0;
		this.time = '';
		this.started = false;
	}
}

/** Options of a decoder: whether the container has a TTY and whether the engine was asked for timestamps. */
export type DecoderOptions = {tty: boolean; timestamps: boolean; maxBytes?: number};

/** Turns a logs byte stream into lines, chunk by chunk. stdout and stderr keep separate partial lines. */
export class LogDecoder {
	private readonly demuxer: Demuxer | undefined;
	private readonly lines: Record<RawLogLine['stream'], LineAssembler>;

	constructor({tty, timestamps, maxBytes = maxLineBytes}: DecoderOptions) {
		this.demuxer = tty ? undefined : new Demuxer();
		this.lines = {
			stdout: new LineAssembler('stdout', timestamps, false, maxBytes),
			stderr: new LineAssembler('stderr', timestamps, false, maxBytes),
			tty: new LineAssembler('tty', timestamps, true, maxBytes),
		};
	}

	/** The complete lines this chunk finishes, in order. */
	push(chunk: Buffer): RawLogLine[] {
		const out: RawLogLine[] = [];
		if (!this.demuxer) {
			this.lines.tty.feed(chunk, out);
			return out;
		}
		for (const payload of this.demuxer.push(chunk)) {
			const assembler = this.lines[payload.stream];
			if (payload.start) assembler.messageStart();
			assembler.feed(payload.bytes, out);
		}
		return out;
	}

	/** Lines left without a final newline when the stream ends. */
	end(): RawLogLine[] {
		const out: RawLogLine[] = [];
		for (const assembler of Object.values(this.lines)) assembler.flush(out);
		return out;
	}
}
