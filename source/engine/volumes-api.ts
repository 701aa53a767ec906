import type Dockerode from 'dockerode';
import {isAnonymousVolume, type VolumeRow} from '../domain/volume.js';
import type {ContainerRef, PruneOptions, PruneResult} from './images-api.js';
import {labelFilters} from './images-api.js';
import {classified} from './resource-errors.js';
import {signalled, withDeadline} from './deadline.js';

/** The volume calls: list, users, create, remove and prune. */
export type VolumesApi = {
	listVolumes(): Promise<VolumeRow[]>;
	/** The containers (any state) that mount a volume. */
	volumeUsers(name: string): Promise<ContainerRef[]>;
	/** Creates a named local volume; returns its name. */
	createVolume(name: string, options?: {labels?: Record<string, string>}): Promise<string>;
	/** Removes a volume; throws ConflictError when a container uses it. */
	removeVolume(name: string, options?: {force?: boolean}): Promise<void>;
	/** Prunes volumes no container uses (Engine 23+ prunes only anonymous ones by default). */
	pruneVolumes(options?: PruneOptions): Promise<PruneResult>;
};

type RawVolume = {Name: string; Driver?: string; Mountpoint?: string; Scope?: string; CreatedAt?: string; Labels?: Record<string, string> | null};

/** A volume as a row. */
export function volumeFromRaw(raw: RawVolume): VolumeRow {
	const labels = raw.Labels ?? {};
	const created = raw.CreatedAt ? Date.parse(raw.CreatedAt) : 0;
	return {
		name: raw.Name,
		driver: raw.Driver ?? '',
		mountpoint: raw.Mountpoint ?? '',
		scope: raw.Scope ?? '',
		createdAt: Number.isFinite(created) && created > 0 ? created : 0,
		labels,
		anonymous: isAnonymousVolume(raw.Name, labels),
	};
}

/** The volume calls over one dockerode client. */
export function volumesApi(docker: Dockerode): VolumesApi {
	return {
		async listVolumes() {
			const answer = (await withDeadline('list volumes', signal => docker.listVolumes(signalled({}, signal)))) as unknown as {Volumes?: RawVolume[] | null};
			return (answer.Volumes ?? []).map(volumeFromRaw);
		},
		async volumeUsers(name) {
			const list = await withDeadline('list containers', signal => docker.listContainers(signalled({all: true, filters: {volume: [name]}}, signal)));
			return list.map(container => ({id: container.Id, name: (container.Names?.[0] ?? container.Id.slice(0, 12)).replace(/^\//, '')}));
		},
		async createVolume(name, options = {}) {
			const answer = (await docker.createVolume({Name: name, Driver: 'local', Labels: options.labels ?? {}})) as unknown as {Name?: string; name?: string};
			return answer.Name ?? answer.name ?? name;
		},
		async removeVolume(name, options = {}) {
			await classified(() => docker.getVolume(name).remove({force: options.force ?? false} as Dockerode.VolumeRemoveOptions));
		},
		async pruneVolumes(options = {}) {
			const answer = (await docker.pruneVolumes({filters: labelFilters(options.labels)})) as {VolumesDeleted?: string[] | null; SpaceReclaimed?: number};
			return {removed: answer.VolumesDeleted ?? [], spaceReclaimed: answer.SpaceReclaimed ?? 0};
		},
	};
}
