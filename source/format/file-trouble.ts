/** Whether the local path was being read (load, copy in, build) or written (save, copy out). */
export type FileUse = 'read' | 'write';

/**
 * A local file's trouble in words, naming the path (already sanitised by the
 * caller): what a status bar says instead of "ENOENT /path". Undefined when
 * `error` is not a local file error (an engine's answer has a status code).
 */
export function fileTrouble(error: unknown, path: string, use: FileUse): string | undefined {
	const {code, statusCode} = (error ?? {}) as {code?: unknown; statusCode?: unknown};
	if (typeof code !== 'string' || statusCode !== undefined) return undefined;
	switch (code) {
		case 'ENOENT': return use === 'write' ? `no folder ${path.slice(0, path.lastIndexOf('/')) || '/'}` : `no ${path}`;
		case 'EACCES':
		case 'EPERM': return `permission denied: ${path}`;
		case 'EISDIR': return `${path} is a folder, not a file`;
		case 'ENOTDIR': return `${path}: a part of it is a file, not a folder`;
		case 'EEXIST': return `${path} already exists`;
		case 'ENOSPC': return `no space left for ${path}`;
		case 'EROFS': return `${path} is on a read-only file system`;
		default: return `${code} ${path}`;
	}
}
