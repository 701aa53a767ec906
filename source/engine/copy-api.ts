import type Dockerode from 'dockerode';
import type {Readable} from 'node:stream';
import {classified} from './resource-errors.js';

/** Copying files out of and into a container through the archive API (no exec, so images without a shell and stopped containers work). */
export type CopyApi = {
	/** A tar of `path` in the container (a file, or a folder with all it holds); NotFoundError when it is not there. The caller owns the stream. */
	copyFromContainer(id: string, path: string, signal: AbortSignal): Promise<Readable>;
	/** Unpacks a tar into the folder `path` of the container, which must exist. */
	copyToContainer(id: string, path: string, archive: Readable, signal: AbortSignal): Promise<void>;
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
	};
}
