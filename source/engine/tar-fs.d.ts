// tar-fs ships no types; only the one call Porthole makes is declared.
declare module 'tar-fs' {
	import type {Readable} from 'node:stream';
	/** Packs `entries` (paths relative to `cwd`) into a tar stream; links are stored as links unless `dereference`. */
	export function pack(cwd: string, options?: {entries?: string[]; dereference?: boolean}): Readable;
	const tar: {pack: typeof pack};
	export default tar;
}
