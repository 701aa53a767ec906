import type Dockerode from 'dockerode';
import type {DiskUsage} from '../domain/disk-usage.js';
import {DISK_USAGE_TIMEOUT_MS, signalled, withDeadline} from './deadline.js';

/** The engine's disk-usage report (`docker system df`). */
export type DiskApi = {diskUsage(): Promise<DiskUsage>};

type RawDf = {
	LayersSize?: number;
	Images?: Array<{Id: string; RepoTags?: string[] | null; Size?: number; SharedSize?: number; Containers?: number}> | null;
	Containers?: Array<{Id: string; SizeRw?: number; State?: string}> | null;
	Volumes?: Array<{Name: string; UsageData?: {Size?: number; RefCount?: number} | null}> | null;
	BuildCache?: Array<{Size?: number; InUse?: boolean; Shared?: boolean}> | null;
};

/** The raw report as plain numbers; -1 means the engine did not compute that size. */
export function diskUsageFromRaw(raw: RawDf): DiskUsage {
	return {
		layersSize: raw.LayersSize ?? 0,
		images: (raw.Images ?? []).map(image => ({
			id: image.Id,
			tags: (image.RepoTags ?? []).filter(tag => tag !== '<none>:<none>'),
			size: image.Size ?? -1,
			sharedSize: image.SharedSize ?? -1,
			containers: image.Containers ?? -1,
		})),
		containers: (raw.Containers ?? []).map(container => ({id: container.Id, sizeRw: container.SizeRw ?? 0, state: container.State ?? ''})),
		volumes: (raw.Volumes ?? []).map(volume => ({name: volume.Name, size: volume.UsageData?.Size ?? -1, refCount: volume.UsageData?.RefCount ?? -1})),
		buildCache: (raw.BuildCache ?? []).map(entry => ({size: entry.Size ?? 0, inUse: entry.InUse ?? false, shared: entry.Shared ?? false})),
	};
}

/** The disk-usage call over one dockerode client. */
export function diskApi(docker: Dockerode): DiskApi {
	return {
		async diskUsage() {
			return diskUsageFromRaw((await withDeadline('disk usage', signal => (docker.df as (options: object) => Promise<unknown>).call(docker, signalled({}, signal)), DISK_USAGE_TIMEOUT_MS)) as RawDf);
		},
	};
}
