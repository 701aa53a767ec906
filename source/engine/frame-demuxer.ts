/**
 * The engine's multiplexed stream, as logs and exec without a TTY send it:
 * frames of an 8-byte header (stream type, three zero bytes, big-endian
 * payload length) and the payload, cut anywhere by the socket. The one
 * demultiplexer, for logs (log-frames.ts) and exec (exec-api.ts).
 */

/** A demultiplexed piece of payload: which stream, and bytes. `start` is true for the first piece of a frame. */
export type Payload = {stream: 'stdout' | 'stderr'; bytes: Buffer; start: boolean};

/** Splits multiplexed frames from chunks cut at arbitrary places. Stdin frames (type 0) count as stdout. */
export class Demuxer {
	private header = Buffer.alloc(8);
	private headerFill = 0;
	private remaining = 0;
	private stream: Payload['stream'] = 'stdout';
	private frameStart = false;

	/** The payload pieces in this chunk, in order. */
	push(chunk: Buffer): Payload[] {
		const out: Payload[] = [];
		let offset = 0;
		while (offset < chunk.length) {
			if (this.remaining === 0) {
				const take = Math.min(8 - this.headerFill, chunk.length - offset);
				chunk.copy(this.header, this.headerFill, offset, offset + take);
				this.headerFill += take;
				offset += take;
				if (this.headerFill < 8) break;
				this.headerFill = 0;
				this.stream = this.header[0] === 2 ? 'stderr' : 'stdout';
				this.remaining = this.header.readUInt32BE(4);
				this.frameStart = true;
				continue;
			}
			const take = Math.min(this.remaining, chunk.length - offset);
			out.push({stream: this.stream, bytes: chunk.subarray(offset, offset + take), start: this.frameStart});
			this.frameStart = false;
			this.remaining -= take;
			offset += take;
		}
		return out;
	}
}
