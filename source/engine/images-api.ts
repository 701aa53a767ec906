import type Dockerode from 'dockerode';
import type {Readable} from 'node:stream';
import type {HistoryLayer, ImageRow} from '../domain/image.js';
import type {PullMessage} from '../domain/pull-progress.js';
import {ndjsonObjects} from './ndjson-stream.js';
import {classified} from './resource-errors.js';
import {signalled, withDeadline} from './deadline.js';

/** A container that uses an image or a volume, by ID and name. */
export type ContainerRef = {id: string; name: string};

/** What a prune removed and the bytes the engine says it reclaimed. */
export type PruneResult = {removed: string[]; spaceReclaimed: number};

/** Labels to restrict a prune to ("key=value"); tests use them to prune only what they made. */
export type PruneOptions = {labels?: string[]};

/** The image calls: list, history, remove, prune and pull. */
export type ImagesApi = {
	/** Every image including intermediate ones (the pane hides those unless asked). */
	listImages(): Promise<ImageRow[]>;
	imageHistory(id: string): Promise<HistoryLayer[]>;
	/** The containers (any state) created from an image, by image ID. */
	imageUsers(id: string): Promise<ContainerRef[]>;
	/**
	 * Removes an image by ID, or one tag by "repo:tag" (which only untags when
	 * the image has other tags). Throws ConflictError when containers use it
	 * and `force` is not set. Returns the engine's "Untagged"/"Deleted" lines.
	 */
	removeImage(reference: string, options?: {force?: boolean}): Promise<string[]>;
	/** Prunes dangling images, or with `all` every image no container uses. */
	pruneImages(options?: PruneOptions & {all?: boolean}): Promise<PruneResult>;
	/**
	 * Pulls "name:tag" and yields the engine's progress messages until the pull
	 * ends or the signal aborts (which closes the request, and the engine
	 * cancels the pull). A bad name or unreachable registry rejects before any
	 * message, with the engine's words.
	 */
	pullImage(reference: string, signal: AbortSignal): Promise<AsyncIterable<PullMessage>>;
	/**
	 * Docker Hub search through the engine (`/images/search`), at most `limit`
	 * results, raw (names and descriptions are untrusted). Rejects with the
	 * engine's words when it cannot reach the index, within SEARCH_TIMEOUT_MS.
	 */
	searchImages(term: string, limit: number): Promise<SearchResult[]>;
};

/** One Docker Hub search result as the engine gives it (untrusted text). */
export type SearchResult = {name: unknown; description: unknown; stars: unknown; official: unknown};

/** How long a Hub search through the engine may take (the engine itself waits longer for a dead network). */
export const SEARCH_TIMEOUT_MS = 15_000;

type RawImage = {Id: string; RepoTags?: string[] | null; RepoDigests?: string[] | null; ParentId?: string; Created?: number; Size?: number; SharedSize?: number; Labels?: Record<string, string> | null};
type RawHistory = {Id?: string; Created?: number; CreatedBy?: string; Size?: number; Tags?: string[] | null; Comment?: string};

/** An image summary as a row; "<none>:<none>" tags are dropped, so dangling images have none. */
export function imageFromSummary(raw: RawImage): ImageRow {
	return {
		id: raw.Id,
		tags: (raw.RepoTags ?? []).filter(tag => tag !== '<none>:<none>'),
		digests: (raw.RepoDigests ?? []).filter(digest => digest !== '<none>@<none>'),
		parentId: raw.ParentId ?? '',
		createdAt: (raw.Created ?? 0) * 1000,
		size: raw.Size ?? -1,
		sharedSize: raw.SharedSize ?? -1,
		labels: raw.Labels ?? {},
	};
}

/** One history entry as a layer. */
export function layerFromHistory(raw: RawHistory): HistoryLayer {
	return {
		id: raw.Id ?? '<missing>',
		createdAt: (raw.Created ?? 0) * 1000,
		createdBy: raw.CreatedBy ?? '',
		size: raw.Size ?? 0,
		tags: raw.Tags ?? [],
		comment: raw.Comment ?? '',
	};
}

/** Keeps "key=value" labels as the engine's filter shape. */
export function labelFilters(labels: string[] | undefined): Record<string, string[]> {
	return labels && labels.length > 0 ? {label: labels} : {};
}

/** The image calls over one dockerode client. */
export function imagesApi(docker: Dockerode): ImagesApi {
	return {
		async listImages() {
			const list = (await withDeadline('list images', signal => docker.listImages(signalled({all: true}, signal)))) as unknown as RawImage[];
			return list.map(imageFromSummary);
		},
		async imageHistory(id) {
			const history = (await classified(() => withDeadline('image history', () => docker.getImage(id).history()))) as RawHistory[];
			return history.map(layerFromHistory);
		},
		async imageUsers(id) {
			const list = await withDeadline('list containers', signal => docker.listContainers(signalled({all: true}, signal)));
			return list.filter(container => container.ImageID === id).map(container => ({id: container.Id, name: (container.Names?.[0] ?? container.Id.slice(0, 12)).replace(/^\//, '')}));
		},
		async removeImage(reference, options = {}) {
			const answer = (await classified(() => docker.getImage(reference).remove({force: options.force ?? false}))) as Array<{Untagged?: string; Deleted?: string}> | undefined;
			return (answer ?? []).map(entry => (entry.Untagged ? `Untagged: ${entry.Untagged}` : `Deleted: ${entry.Deleted ?? ''}`));
		},
		async pruneImages(options = {}) {
			const filters: Record<string, string[]> = {...labelFilters(options.labels), dangling: [options.all ? 'false' : 'true']};
			const answer = (await docker.pruneImages({filters})) as {ImagesDeleted?: Array<{Deleted?: string; Untagged?: string}> | null; SpaceReclaimed?: number};
			const removed = (answer.ImagesDeleted ?? []).map(entry => entry.Deleted ?? entry.Untagged ?? '').filter(Boolean);
			return {removed, spaceReclaimed: answer.SpaceReclaimed ?? 0};
		},
		async pullImage(reference, signal) {
			const stream = (await docker.pull(reference, {abortSignal: signal} as never)) as unknown as Readable;
			return ndjsonObjects<PullMessage>(stream, signal);
		},
		async searchImages(term, limit) {
			type Raw = {name?: unknown; description?: unknown; star_count?: unknown; is_official?: unknown};
			const list = await classified(() => withDeadline('search Docker Hub', signal => docker.searchImages(signalled({term, limit}, signal) as never), SEARCH_TIMEOUT_MS)) as unknown;
			return (Array.isArray(list) ? list as Raw[] : []).slice(0, limit).map(raw => ({name: raw.name, description: raw.description, stars: raw.star_count, official: raw.is_official}));
		},
	};
}
