// tar-fs ships no types; only the one call Porthole makes is declared.
declare module 'tar-fs' {
	import type {Readable} from 'node:stream';
	/** Packs `entries` (paths relative to `cwd`) into a tar stream; links are stored as links unless `dereference`. */
	export function pack(cwd: string, options?: {entries?: string[]; dereference?: boolean}): Readable;
	const tar: {pack: typeof pack};
	export default tar;
}

// tar-stream ships no types either; the parts of extract and pack Porthole uses.
declare module 'tar-stream' {
	import type {Readable, Writable} from 'node:stream';
	export type Headers = {name: string; size?: number; mode?: number; mtime?: Date; type?: 'file' | 'directory' | 'symlink' | 'link' | string; linkname?: string};
	export type Extract = Writable & {on(event: 'entry', listener: (header: Headers, stream: Readable, next: (error?: unknown) => void) => void): Extract; on(event: 'finish' | 'error' | 'close', listener: (...args: unknown[]) => void): Extract};
	export type Pack = Readable & {entry(header: Headers, body?: string | Buffer, callback?: (error?: unknown) => void): Writable; finalize(): void};
	export function extract(): Extract;
	export function pack(): Pack;
	const tarStream: {extract: typeof extract; pack: typeof pack};
	export default tarStream;
}
