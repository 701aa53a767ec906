import type Dockerode from 'dockerode';
import type {Readable} from 'node:stream';
import type {RepoTag} from '../domain/image-reference.js';
import type {PullMessage} from '../domain/pull-progress.js';
import type {AuthConfig} from './docker-auth.js';
import {ndjsonObjects} from './ndjson-stream.js';
import {classified} from './resource-errors.js';

/** What `docker commit` takes besides the container. */
export type CommitOptions = RepoTag & {message?: string; author?: string; pause: boolean};

/** Tag, commit and push: the verbs that make or publish an image. */
export type ImageVerbsApi = {
	/** Adds the tag `repo:tag` to an image (by ID or name); an existing tag of that name moves to it. */
	tagImage(image: string, target: RepoTag): Promise<void>;
	/** Commits a container to a new image and returns the image's ID. */
	commitContainer(id: string, options: CommitOptions): Promise<string>;
	/**
	 * Pushes `repo:tag` and yields the engine's progress messages until the
	 * push ends or the signal aborts. A denied push ends with an `error`
	 * message; an unknown image rejects before any message.
	 */
	pushImage(target: RepoTag, auth: AuthConfig | undefined, signal: AbortSignal): Promise<AsyncIterable<PullMessage>>;
};

/** The tag, commit and push calls over one dockerode client. */
export function imageVerbsApi(docker: Dockerode): ImageVerbsApi {
	return {
		async tagImage(image, {repo, tag}) {
			await classified(() => docker.getImage(image).tag({repo, tag}));
		},
		async commitContainer(id, {repo, tag, message, author, pause}) {
			const options: Record<string, unknown> = {repo, tag, pause};
			if (message) options.comment = message;
			if (author) options.author = author;
			const answer = (await classified(() => docker.getContainer(id).commit(options))) as {Id?: string};
			return answer.Id ?? '';
		},
		async pushImage({repo, tag}, auth, signal) {
			// The engine wants the header even for an anonymous push: an empty config is "no credentials".
			const authconfig = auth ?? {};
			const stream = (await classified(() => docker.getImage(repo).push({tag, authconfig, abortSignal: signal} as Dockerode.ImagePushOptions))) as unknown as Readable;
			return ndjsonObjects<PullMessage>(stream, signal);
		},
	};
}
