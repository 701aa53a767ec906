import {posix} from 'node:path';

/** What one entry of a container's folder is. */
export type FileKind = 'dir' | 'file' | 'link' | 'hardlink' | 'char' | 'block' | 'fifo' | 'other';

/** One direct child of a listed folder, as the engine's tar says (names unsanitised: `domain` holds what came). */
export type FileEntry = {
	name: string;
	kind: FileKind;
	/** Bytes of a file; for a folder, the sum of the file bytes under it that were read (see `complete`). */
	size: number;
	/** Permission bits with setuid, setgid and sticky (0o7777). */
	mode: number;
	/** Modification time, epoch ms; undefined when the header had none. */
	mtime?: number;
	/** Where a symbolic (or hard) link points, as the archive says. */
	linkTarget?: string;
	/** Entries under a folder that were read. */
	count?: number;
};

/** One tar header, as tar-stream gives it (the fields we read). */
export type TarHeader = {name: string; type?: string | null; size?: number | null; mode?: number | null; mtime?: Date | null; linkname?: string | null};

/** Bounds on reading a folder's tar: entries counted (all depths), direct children kept, bytes read from the engine. */
export type ListingLimits = {entries: number; children: number; bytes: number};

/** Enough to list a big folder's children without reading a whole image's worth of tar. */
export const defaultListingLimits: ListingLimits = {entries: 100_000, children: 5000, bytes: 128 * 1024 * 1024};

/** Why a listing stopped before the end of the tar. */
export type Truncation = 'entries' | 'children' | 'bytes';

/** A folder's direct children in the order the tar gave them, and whether the tar was read to its end. */
export type Listing = {entries: FileEntry[]; truncated?: Truncation; read: number};

const kinds: Record<string, FileKind> = {
	directory: 'dir', file: 'file', 'contiguous-file': 'file', symlink: 'link', link: 'hardlink',
	'character-device': 'char', 'block-device': 'block', fifo: 'fifo',
};

/** A tar header's type as our kind; a missing type is a plain file (old tars). */
export function kindOf(type: string | null | undefined): FileKind {
	return type ? kinds[type] ?? 'other' : 'file';
}

/** A name's path parts with `.` and empty parts dropped and a trailing slash ignored ("./etc/" -> ["etc"]). */
function parts(name: string): string[] {
	return name.split('/').filter(part => part !== '' && part !== '.');
}

/**
 * Turns the headers of one folder's tar (GET /containers/{id}/archive) into
 * its direct children. The first header is the folder itself, named "etc/",
 * "./" or "/" depending on how the path was asked; every other name starts
 * with it. Deeper entries add their bytes and a count to the child they are
 * under. Headers outside the folder (a hostile engine) are ignored, and so
 * are `..` parts: nothing here becomes a path on this machine.
 */
export class ListingCollector {
	private root: string[] | undefined;
	private readonly children = new Map<string, FileEntry>();
	private seen = 0;
	truncated: Truncation | undefined;

	constructor(private readonly limits: ListingLimits = defaultListingLimits) {}

	/** Takes the next header; false once a limit is reached (stop reading). */
	add(header: TarHeader): boolean {
		if (this.truncated) return false;
		if (++this.seen > this.limits.entries) {
			this.truncated = 'entries';
			return false;
		}
		const path = parts(header.name);
		if (path.includes('..')) return true;
		if (this.root === undefined) {
			this.root = path;
			return true;
		}
		if (path.length <= this.root.length || this.root.some((part, index) => path[index] !== part)) return true;
		const [name, ...below] = path.slice(this.root.length);
		const kind = kindOf(header.type);
		const size = kind === 'file' ? Math.max(0, header.size ?? 0) : 0;
		const existing = this.children.get(name!);
		if (below.length > 0) {
			// A file under a child folder: counted in the folder's total. A folder the tar never named is made up from its contents.
			const parent = existing ?? this.child(name!, {name: name!, kind: 'dir', size: 0, mode: 0o755, count: 0});
			if (parent) {
				parent.size += size;
				parent.count = (parent.count ?? 0) + 1;
			}
			return !this.truncated;
		}
		const entry: FileEntry = {
			name: name!,
			kind,
			size: kind === 'dir' ? existing?.size ?? 0 : size,
			mode: (header.mode ?? 0) & 0o7777,
			mtime: header.mtime && Number.isFinite(header.mtime.getTime()) ? header.mtime.getTime() : undefined,
			linkTarget: kind === 'link' || kind === 'hardlink' ? header.linkname ?? '' : undefined,
			...(kind === 'dir' ? {count: existing?.count ?? 0} : {}),
		};
		if (existing) Object.assign(existing, entry);
		else this.child(name!, entry);
		return !this.truncated;
	}

	private child(name: string, entry: FileEntry): FileEntry | undefined {
		if (this.children.size >= this.limits.children) {
			this.truncated = 'children';
			return undefined;
		}
		this.children.set(name, entry);
		return entry;
	}

	/** The children so far, folders first then by name, as `ls` groups them. */
	result(read: number, truncated: Truncation | undefined = this.truncated): Listing {
		const entries = [...this.children.values()].sort((a, b) => Number(b.kind === 'dir') - Number(a.kind === 'dir') || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		return {entries, truncated, read};
	}
}

/** `name` in folder `dir` of a container ("/" + "etc" -> "/etc"). */
export function childPath(dir: string, name: string): string {
	return posix.join(dir, name);
}

/** The folder above `dir`; "/" stays "/". */
export function parentPath(dir: string): string {
	return posix.dirname(posix.resolve('/', dir));
}

/** Where a link `name` in `dir` points, as an absolute path in the container ("/bin", "../usr/bin" -> "/usr/bin"). */
export function linkDestination(dir: string, target: string): string {
	return posix.resolve(dir, target);
}

/** The path to ask the archive API for a folder's listing: "P/." follows P when it is a link, and lists what is in it. */
export function listingPath(dir: string): string {
	const clean = posix.resolve('/', dir);
	return clean === '/' ? '/' : `${clean}/.`;
}
