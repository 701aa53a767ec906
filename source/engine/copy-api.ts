import type Dockerode from 'dockerode';
import type {Readable} from 'node:stream';
import type {IncomingMessage} from 'node:http';
import {listingPath, type Listing, type ListingLimits} from '../domain/file-listing.js';
import {parsePathStat, readListing, type PathStat} from './folder-listing.js';
import {classified, NotFoundError} from './resource-errors.js';

export type {PathStat};

/** Copying files out of and into a container through the archive API (no exec, so images without a shell and stopped containers work). */
export type CopyApi = {
	/** A tar of `path` in the container (a file, or a folder with all it holds); NotFoundError when it is not there. The caller owns the stream. */
	copyFromContainer(id: string, path: string, signal: AbortSignal): Promise<Readable>;
	/** Unpacks a tar into the folder `path` of the container, which must exist. */
	copyToContainer(id: string, path: string, archive: Readable, signal: AbortSignal): Promise<void>;
	/** A path's stat (HEAD archive): name, size, Go file mode, mtime, link target; NotFoundError when it is not there. A link is not followed. */
	statContainerPath(id: string, path: string, signal: AbortSignal): Promise<PathStat>;
	/** The direct children of folder `path` (a link to one is followed), read from its tar headers within `limits`. */
	listContainerFolder(id: string, path: string, signal: AbortSignal, limits?: ListingLimits, onRead?: (bytes: number) => void): Promise<Listing>;
};

/** The copy calls over one dockerode client. */
export function copyApi(docker: Dockerode): CopyApi {
	return {
		async copyFromContainer(id, path, signal) {
			return (await classified(() => docker.getContainer(id).getArchive({path, abortSignal: signal}))) as unknown as Readable;
		},
		async copyToContainer(id, path, archive, signal) {
			await classified(() => docker.getContainer(id).putArchive(archive, {path, abortSignal: signal}));
		},
		async statContainerPath(id, path, signal) {
			const answer = (await classified(() => docker.getContainer(id).infoArchive({path, abortSignal: signal}))) as unknown as IncomingMessage;
			// A HEAD answer has no body; the socket is ours until it is consumed.
			answer.resume();
			const stat = parsePathStat(answer.headers['x-docker-container-path-stat']);
			if (!stat) throw new NotFoundError(`the engine sent no usable stat for ${path}`);
			return stat;
		},
		async listContainerFolder(id, path, signal, limits, onRead) {
			const archive = (await classified(() => docker.getContainer(id).getArchive({path: listingPath(path), abortSignal: signal}))) as unknown as Readable;
			return readListing(archive, signal, limits, onRead);
		},
	};
}
