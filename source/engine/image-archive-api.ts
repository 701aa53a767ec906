import type Dockerode from 'dockerode';
import type {Readable} from 'node:stream';
import {ndjsonObjects} from './ndjson-stream.js';
import {classified} from './resource-errors.js';

/** One JSON message of `POST /images/load`: a line of text, or the error that ended it. */
export type LoadMessage = {stream?: string; status?: string; error?: string; errorDetail?: {message?: string}};

/** Save and load: images to and from a tar archive (`docker save` / `docker load`). */
export type ImageArchiveApi = {
	/**
	 * The tar of one or more images (by name or ID) as a byte stream; the
	 * caller owns it, and aborting the signal ends it with an error. An unknown
	 * name rejects (NotFoundError) before any byte.
	 */
	saveImages(names: string[], signal: AbortSignal): Promise<Readable>;
	/** Sends a tar to the engine and yields its messages ("Loaded image: …") until it ends or the signal aborts. */
	loadImages(archive: Readable, signal: AbortSignal): Promise<AsyncIterable<LoadMessage>>;
};

/** The save and load calls over one dockerode client. */
export function imageArchiveApi(docker: Dockerode): ImageArchiveApi {
	return {
		async saveImages(names, signal) {
			// dockerode has GET /images/get (several names) but its types do not declare it.
			const getImages = (docker as unknown as {getImages(options: object): Promise<Readable>}).getImages.bind(docker);
			return classified(() => getImages({names, abortSignal: signal}));
		},
		async loadImages(archive, signal) {
			const load = docker.loadImage.bind(docker) as unknown as (file: Readable, options: object) => Promise<Readable>;
			const stream = await classified(() => load(archive, {quiet: false, abortSignal: signal}));
			return ndjsonObjects<LoadMessage>(stream, signal);
		},
	};
}
