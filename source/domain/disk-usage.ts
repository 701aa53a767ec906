/**
 * The engine's disk-usage report (`GET /system/df`, `docker system df`),
 * reduced to what the summary, the volumes sizes and the prune estimates need,
 * and the reclaimable-space arithmetic the docker CLI does over it.
 */
export type DiskUsage = {
	/** Bytes of all image layers, each counted once. */
	layersSize: number;
	images: Array<{id: string; tags: string[]; size: number; sharedSize: number; containers: number}>;
	containers: Array<{id: string; sizeRw: number; state: string}>;
	volumes: Array<{name: string; size: number; refCount: number}>;
	buildCache: Array<{size: number; inUse: boolean; shared: boolean}>;
};

/** One line of the summary: what kind, how many, how many in use, total and reclaimable bytes. */
export type DiskLine = {kind: 'Images' | 'Containers' | 'Local Volumes' | 'Build Cache'; count: number; active: number; total: number; reclaimable: number};

/** The bytes an image does not share with another; -1 sizes (unknown) count as 0. */
function uniqueSize(image: DiskUsage['images'][number]): number {
	if (image.size < 0) return 0;
	return Math.max(0, image.size - Math.max(0, image.sharedSize));
}

/**
 * The four lines of `docker system df`, computed as the CLI does: images
 * reclaim what is not held by an image that a container uses; containers
 * reclaim the writable layers of those not running; volumes reclaim the
 * ones no container references; build cache reclaims what is neither in use
 * nor shared.
 */
export function diskSummary(usage: DiskUsage): DiskLine[] {
	const usedImages = usage.images.filter(image => image.containers > 0);
	const held = usedImages.reduce((sum, image) => sum + uniqueSize(image), 0);
	const imagesTotal = Math.max(0, usage.layersSize);
	const sizeOf = (n: number) => (n > 0 ? n : 0);
	const running = usage.containers.filter(container => container.state === 'running' || container.state === 'paused' || container.state === 'restarting');
	const containersTotal = usage.containers.reduce((sum, container) => sum + sizeOf(container.sizeRw), 0);
	const volumesTotal = usage.volumes.reduce((sum, volume) => sum + sizeOf(volume.size), 0);
	const cache = usage.buildCache.filter(entry => !entry.shared);
	return [
		{kind: 'Images', count: usage.images.length, active: usedImages.length, total: imagesTotal, reclaimable: Math.max(0, imagesTotal - held)},
		{kind: 'Containers', count: usage.containers.length, active: running.length, total: containersTotal, reclaimable: containersTotal - running.reduce((sum, container) => sum + sizeOf(container.sizeRw), 0)},
		{kind: 'Local Volumes', count: usage.volumes.length, active: usage.volumes.filter(volume => volume.refCount > 0).length, total: volumesTotal, reclaimable: usage.volumes.filter(volume => volume.refCount === 0).reduce((sum, volume) => sum + sizeOf(volume.size), 0)},
		{kind: 'Build Cache', count: usage.buildCache.length, active: usage.buildCache.filter(entry => entry.inUse).length, total: cache.reduce((sum, entry) => sum + sizeOf(entry.size), 0), reclaimable: cache.filter(entry => !entry.inUse).reduce((sum, entry) => sum + sizeOf(entry.size), 0)},
	];
}

/** Which images an image prune removes: only untagged ones, or every image no container uses. */
export type ImagePruneMode = 'dangling' | 'all';

/**
 * What an image prune would free, as far as the report tells: the unshared
 * bytes of each image it would remove (layers shared with a kept image stay).
 * An estimate, since the engine decides; the dialog says "about".
 */
export function imagePruneEstimate(usage: DiskUsage, mode: ImagePruneMode): {count: number; bytes: number} {
	const doomed = usage.images.filter(image => image.containers <= 0 && (mode === 'all' || image.tags.length === 0));
	return {count: doomed.length, bytes: doomed.reduce((sum, image) => sum + uniqueSize(image), 0)};
}

/** What a volume prune would free: the volumes no container references. */
export function volumePruneEstimate(usage: DiskUsage): {count: number; bytes: number} {
	const doomed = usage.volumes.filter(volume => volume.refCount === 0);
	return {count: doomed.length, bytes: doomed.reduce((sum, volume) => sum + Math.max(0, volume.size), 0)};
}
