import type {ContainerRow} from '../domain/container.js';
import {imageTagRows, shortImageId, type ImageView} from '../domain/image.js';
import {makeMatcher} from '../domain/matcher.js';
import type {NetworkRow} from '../domain/network.js';
import type {VolumeView} from '../domain/volume.js';
import type {ResourceSort, ResourceTable} from './resources-state.js';
import type {AppState} from './state.js';

export type {ImageView} from '../domain/image.js';
export type {VolumeView} from '../domain/volume.js';

type SortValue = number | string;

function compare(a: SortValue, b: SortValue): number {
	if (a < b) return -1;
	if (a > b) return 1;
	return 0;
}

/** Sorts by one key, ties broken by `tie` so rows never jump between frames. */
function stableSort<T>(rows: T[], key: (row: T) => SortValue, descending: boolean, tie: (row: T) => string): T[] {
	const direction = descending ? -1 : 1;
	return rows
		.map(row => ({row, key: key(row), tie: tie(row)}))
		.sort((a, b) => direction * compare(a.key, b.key) || compare(a.tie, b.tie))
		.map(({row}) => row);
}

/** One-entry memo over the identities of the inputs. */
function memo<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
	let last: {args: A; result: R} | undefined;
	return (...args: A) => {
		if (last && last.args.length === args.length && last.args.every((arg, i) => arg === args[i])) return last.result;
		const result = compute(...args);
		last = {args, result};
		return result;
	};
}

const usersByImage = memo((containers: ReadonlyMap<string, ContainerRow>) => {
	const byImage = new Map<string, string[]>();
	for (const row of containers.values()) {
		if (!row.imageId) continue;
		const list = byImage.get(row.imageId) ?? [];
		list.push(row.name);
		byImage.set(row.imageId, list);
	}
	for (const list of byImage.values()) list.sort();
	return byImage;
});

const usersByVolume = memo((containers: ReadonlyMap<string, ContainerRow>) => {
	const byVolume = new Map<string, string[]>();
	for (const row of containers.values()) {
		for (const mount of row.mounts) {
			if (mount.type !== 'volume' || !mount.name) continue;
			const list = byVolume.get(mount.name) ?? [];
			if (!list.includes(row.name)) list.push(row.name);
			byVolume.set(mount.name, list);
		}
	}
	for (const list of byVolume.values()) list.sort();
	return byVolume;
});

const imageSortKeys: Record<string, (row: ImageView) => SortValue> = {
	name: row => row.tag ?? '\uffff',
	id: row => row.image.id,
	created: row => row.image.createdAt,
	size: row => row.image.size,
	shared: row => row.sharedSize,
	containers: row => row.users.length,
};

type Resources = AppState['resources'];

const buildImages = memo((images: Resources['images'], showUntagged: boolean, sort: ResourceSort, disk: Resources['disk'], containers: AppState['containers'], filter: string): ImageView[] => {
	const users = usersByImage(containers);
	const shared = new Map((disk?.images ?? []).map(image => [image.id, image.sharedSize]));
	const matches = makeMatcher(filter);
	const rows = imageTagRows(images)
		.filter(row => showUntagged || row.kind === 'tagged')
		.map(row => ({...row, users: users.get(row.image.id) ?? [], sharedSize: row.image.sharedSize >= 0 ? row.image.sharedSize : (shared.get(row.image.id) ?? -1)}))
		.filter(row => matches(`${row.tag ?? '<none>'} ${shortImageId(row.image.id)} ${row.kind}`));
	return stableSort(rows, imageSortKeys[sort.column] ?? imageSortKeys.name!, sort.descending, row => row.key);
});

/** The rows of the images pane: one per tag, untagged ones only when shown, filtered and stably sorted. */
export function selectImageRows(state: AppState): ImageView[] {
	const r = state.resources;
	return buildImages(r.images, r.showUntagged, r.tables.images.sort, r.disk, state.containers, state.ui.filter);
}

/** How many untagged (dangling or intermediate) images the toggle hides. */
export function hiddenImageCount(state: AppState): number {
	return state.resources.showUntagged ? 0 : state.resources.images.filter(image => image.tags.length === 0).length;
}

const volumeSortKeys: Record<string, (row: VolumeView) => SortValue> = {
	name: row => row.name,
	driver: row => row.driver,
	size: row => row.size,
	created: row => row.createdAt,
	containers: row => row.users.length,
};

const buildVolumes = memo((volumes: Resources['volumes'], sort: ResourceSort, disk: Resources['disk'], containers: AppState['containers'], filter: string): VolumeView[] => {
	const users = usersByVolume(containers);
	const sizes = new Map((disk?.volumes ?? []).map(volume => [volume.name, volume.size]));
	const matches = makeMatcher(filter);
	const rows = volumes
		.map(volume => ({...volume, size: sizes.get(volume.name) ?? -1, users: users.get(volume.name) ?? []}))
		.filter(row => matches(`${row.name} ${row.driver} ${row.users.join(' ')} ${row.anonymous ? 'anonymous' : ''}`));
	return stableSort(rows, volumeSortKeys[sort.column] ?? volumeSortKeys.name!, sort.descending, row => row.name);
});

/** The rows of the volumes pane, filtered and stably sorted. */
export function selectVolumeRows(state: AppState): VolumeView[] {
	const r = state.resources;
	return buildVolumes(r.volumes, r.tables.volumes.sort, r.disk, state.containers, state.ui.filter);
}

const networkSortKeys: Record<string, (row: NetworkRow) => SortValue> = {
	name: row => row.name,
	driver: row => row.driver,
	containers: row => row.containers.length,
	created: row => row.createdAt,
};

const buildNetworks = memo((networks: Resources['networks'], sort: ResourceSort, filter: string): NetworkRow[] => {
	const matches = makeMatcher(filter);
	const rows = networks.filter(row => matches(`${row.name} ${row.driver} ${row.scope} ${row.subnets.join(' ')} ${row.containers.map(member => member.name).join(' ')}`));
	return stableSort(rows, networkSortKeys[sort.column] ?? networkSortKeys.name!, sort.descending, row => row.id);
});

/** The rows of the networks pane, filtered and stably sorted. */
export function selectNetworkRows(state: AppState): NetworkRow[] {
	return buildNetworks(state.resources.networks, state.resources.tables.networks.sort, state.ui.filter);
}

/** Sort columns of each table, in the order `o` walks them. */
export const tableSortColumns: Record<ResourceTable, string[]> = {
	images: ['name', 'created', 'size', 'shared', 'containers'],
	volumes: ['name', 'driver', 'size', 'created', 'containers'],
	networks: ['name', 'driver', 'containers', 'created'],
};

const volumeKeys = memo((rows: VolumeView[]) => rows.map(row => ({key: row.name})));
const networkKeys = memo((rows: NetworkRow[]) => rows.map(row => ({key: row.id})));

/** Each table's rows and the key of a row; the same list while the rows are the same, so it is safe in a store hook. */
export const tableRows: {[K in ResourceTable]: (state: AppState) => Array<{key: string}>} = {
	images: state => selectImageRows(state),
	volumes: state => volumeKeys(selectVolumeRows(state)),
	networks: state => networkKeys(selectNetworkRows(state)),
};

/** The index of the selected row of a table, falling back to the first. */
export function selectedIndex(keys: ReadonlyArray<{key: string}>, selectedKey: string | undefined): number {
	return Math.max(0, keys.findIndex(row => row.key === selectedKey));
}

/** The selected image row, falling back to the first visible one. */
export function selectedImage(state: AppState): ImageView | undefined {
	const rows = selectImageRows(state);
	return rows[selectedIndex(rows, state.resources.tables.images.selectedKey)];
}

/** The selected volume row, falling back to the first visible one. */
export function selectedVolume(state: AppState): VolumeView | undefined {
	const rows = selectVolumeRows(state);
	return rows.find(row => row.name === state.resources.tables.volumes.selectedKey) ?? rows[0];
}

/** The selected network row, falling back to the first visible one. */
export function selectedNetwork(state: AppState): NetworkRow | undefined {
	const rows = selectNetworkRows(state);
	return rows.find(row => row.id === state.resources.tables.networks.selectedKey) ?? rows[0];
}
