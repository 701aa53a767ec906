import type Dockerode from 'dockerode';
import type {Readable} from 'node:stream';
import type {BuildMessage} from '../domain/build-log.js';
import {ndjsonObjects} from './ndjson-stream.js';
import {classified} from './resource-errors.js';

/** What a build takes besides its context. */
export type BuildOptions = {tag?: string; buildArgs?: Record<string, string>; target?: string; dockerfile?: string};

/** Building an image from a context tar, with the classic builder. */
export type BuildApi = {
	/**
	 * Sends the context tar and yields the builder's messages (steps, cache
	 * hits, the command output, the error) until it ends or the signal aborts;
	 * aborting closes the request and the engine stops the build.
	 */
	buildImage(context: Readable, options: BuildOptions, signal: AbortSignal): Promise<AsyncIterable<BuildMessage>>;
};

/** The build call over one dockerode client. */
export function buildApi(docker: Dockerode): BuildApi {
	return {
		async buildImage(context, {tag, buildArgs, target, dockerfile}, signal) {
			// version 1 is the classic builder: BuildKit over the API needs a gRPC session this client does not speak.
			const options: Record<string, unknown> = {version: '1', rm: true, forcerm: true, abortSignal: signal};
			if (tag) options.t = tag;
			if (buildArgs && Object.keys(buildArgs).length > 0) options.buildargs = buildArgs;
			if (target) options.target = target;
			if (dockerfile) options.dockerfile = dockerfile;
			const build = docker.buildImage.bind(docker) as unknown as (file: Readable, opts: object) => Promise<Readable>;
			const stream = await classified(() => build(context, options));
			return ndjsonObjects<BuildMessage>(stream, signal);
		},
	};
}
