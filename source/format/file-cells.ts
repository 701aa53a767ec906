import type {FileKind} from '../domain/file-listing.js';

const typeChars: Record<FileKind, string> = {dir: 'd', file: '-', link: 'l', hardlink: '-', char: 'c', block: 'b', fifo: 'p', other: '?'};

/** A mode as `ls -l` writes it: "drwxr-xr-x", "-rwsr-xr-x", "drwxrwxrwt", "lrwxrwxrwx". */
export function formatMode(kind: FileKind, mode: number): string {
	const bits = (shift: number, special: boolean, specialChar: string) => {
		const r = mode & (4 << shift) ? 'r' : '-';
		const w = mode & (2 << shift) ? 'w' : '-';
		const x = (mode & (1 << shift)) !== 0;
		const last = special ? (x ? specialChar : specialChar.toUpperCase()) : x ? 'x' : '-';
		return `${r}${w}${last}`;
	};
	return typeChars[kind] + bits(6, (mode & 0o4000) !== 0, 's') + bits(3, (mode & 0o2000) !== 0, 's') + bits(0, (mode & 0o1000) !== 0, 't');
}

/** Go's os.FileMode type bits, as the engine's X-Docker-Container-Path-Stat header carries them. */
const goModeDir = 2 ** 31;
const goModeSymlink = 2 ** 27;
const goModeDevice = 2 ** 26;
const goModeNamedPipe = 2 ** 25;
const goModeSocket = 2 ** 24;
const goModeSetuid = 2 ** 23;
const goModeSetgid = 2 ** 22;
const goModeCharDevice = 2 ** 21;
const goModeSticky = 2 ** 20;

/** Whether a Go FileMode has a type bit (numbers past 2^31 make `&` unsafe, so this divides). */
function has(mode: number, bit: number): boolean {
	return Math.floor(mode / bit) % 2 === 1;
}

/** A Go os.FileMode (from a path stat) as our kind and `ls` permission bits. */
export function fromGoMode(mode: number): {kind: FileKind; mode: number} {
	const safe = Number.isFinite(mode) && mode >= 0 ? mode : 0;
	const kind: FileKind = has(safe, goModeDir) ? 'dir' : has(safe, goModeSymlink) ? 'link' : has(safe, goModeNamedPipe) ? 'fifo'
		: has(safe, goModeDevice) ? (has(safe, goModeCharDevice) ? 'char' : 'block') : has(safe, goModeSocket) ? 'other' : 'file';
	const perm = (safe % 512) + (has(safe, goModeSetuid) ? 0o4000 : 0) + (has(safe, goModeSetgid) ? 0o2000 : 0) + (has(safe, goModeSticky) ? 0o1000 : 0);
	return {kind, mode: perm};
}

/** A modification time as "2026-12-02 10:31" (UTC, so every host reads the same); "" when unknown. */
export function formatModified(ms: number | undefined): string {
	if (ms === undefined || !Number.isFinite(ms)) return '';
	const date = new Date(ms);
	if (Number.isNaN(date.getTime())) return '';
	return date.toISOString().slice(0, 16).replace('T', ' ');
}

/** The name cell: folders end in "/", links show where they point ("name -> target"). Both parts must be sanitised already. */
export function formatFileName(entry: {name: string; kind: FileKind; linkTarget?: string}): string {
	if (entry.kind === 'dir') return `${entry.name}/`;
	if (entry.kind === 'link') return `${entry.name} -> ${entry.linkTarget ?? ''}`;
	if (entry.kind === 'hardlink') return `${entry.name} => ${entry.linkTarget ?? ''}`;
	return entry.name;
}
