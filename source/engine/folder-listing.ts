import type {Readable} from 'node:stream';
import {defaultListingLimits, ListingCollector, type Listing, type ListingLimits} from '../domain/file-listing.js';

/** A path's stat from the engine (X-Docker-Container-Path-Stat), checked field by field: the header is untrusted. */
export type PathStat = {name: string; size: number; mode: number; mtime?: number; linkTarget: string};

/** Decodes the base64 JSON of X-Docker-Container-Path-Stat; undefined when it is missing or not what the API documents. */
export function parsePathStat(header: unknown): PathStat | undefined {
	if (typeof header !== 'string' || header.length === 0 || header.length > 64 * 1024) return undefined;
	let value: unknown;
	try {
		value = JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
	} catch {
		return undefined;
	}
	if (typeof value !== 'object' || value === null) return undefined;
	const {name, size, mode, mtime, linkTarget} = value as Record<string, unknown>;
	if (typeof name !== 'string' || typeof mode !== 'number' || !Number.isFinite(mode) || mode < 0) return undefined;
	const time = typeof mtime === 'string' ? Date.parse(mtime) : Number.NaN;
	return {
		name,
		size: typeof size === 'number' && Number.isFinite(size) && size >= 0 ? size : 0,
		mode,
		mtime: Number.isFinite(time) ? time : undefined,
		linkTarget: typeof linkTarget === 'string' ? linkTarget : '',
	};
}

/**
 * Reads a folder's tar (the archive API's answer) for its direct children:
 * headers only, every file body drained unread. It stops, marking the listing
 * truncated, after `limits` entries, children or bytes, and stops quietly when
 * `signal` aborts. `onRead` is told the bytes read so far. The archive is destroyed when this returns, whichever way:
 * this function owns it.
 */
export async function readListing(archive: Readable, signal: AbortSignal, limits: ListingLimits = defaultListingLimits, onRead: (bytes: number) => void = () => undefined): Promise<Listing> {
	const collector = new ListingCollector(limits);
	// tar-stream loads on first use, off the path to the first frame.
	const {default: tarStream} = await import('tar-stream');
	const extract = tarStream.extract();
	let read = 0;
	let truncated = collector.truncated;
	let onAbort = () => undefined as void;
	try {
		await new Promise<void>((resolve, reject) => {
			const stop = () => {
				archive.unpipe(extract);
				archive.destroy();
				extract.destroy();
				resolve();
			};
			if (signal.aborted) {
				stop();
				return;
			}
			onAbort = stop;
			signal.addEventListener('abort', onAbort, {once: true});
			archive.on('data', (chunk: Buffer) => {
				read += chunk.length;
				onRead(read);
				if (read > limits.bytes && !truncated) {
					truncated = 'bytes';
					stop();
				}
			});
			archive.on('error', error => (signal.aborted || truncated ? resolve() : reject(error)));
			extract.on('error', error => (signal.aborted || truncated ? resolve() : reject(error as Error)));
			extract.on('finish', () => resolve());
			extract.on('entry', (header, body, next) => {
				const more = collector.add(header);
				body.resume();
				if (!more) {
					truncated = collector.truncated;
					stop();
					return;
				}
				next();
			});
			archive.pipe(extract);
		});
	} finally {
		signal.removeEventListener('abort', onAbort);
		archive.destroy();
		extract.destroy();
	}
	return collector.result(read, truncated);
}
