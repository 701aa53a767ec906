import type {DiskUsage} from '../domain/disk-usage.js';
import type {HistoryLayer, ImageRow} from '../domain/image.js';
import type {NetworkRow} from '../domain/network.js';
import type {PullProgress} from '../domain/pull-progress.js';
import type {VolumeRow} from '../domain/volume.js';

/** The views with a table of engine objects other than containers. */
export type ResourceTable = 'images' | 'volumes' | 'networks';

/** Sort of one resource table: a column key of that table, and the direction. */
export type ResourceSort = {column: string; descending: boolean};

/** Selection and sort of one resource table, kept while other views are shown. */
export type ResourceTableUi = {selectedKey?: string; sort: ResourceSort};

/** A pull in progress or just finished; `cancel` aborts its stream (Esc in the images view). */
export type PullState = PullProgress & {cancel: () => void};

/** The history view of one image: its layers once read, or why they could not be. */
export type HistoryState = {imageId: string; title: string; layers?: HistoryLayer[]; error?: string; selected: number};

/** Images, volumes, networks and disk usage, each re-listed by sync when its events arrive. */
export type ResourcesState = {
	images: readonly ImageRow[];
	volumes: readonly VolumeRow[];
	networks: readonly NetworkRow[];
	/** False until the first list of each has arrived. */
	loaded: {images: boolean; volumes: boolean; networks: boolean; disk: boolean};
	/** The latest disk-usage report: sizes of volumes and shared image sizes come from it. */
	disk?: DiskUsage;
	/** Why the latest list of a kind failed, shown in place of its table. */
	errors: Partial<Record<ResourceTable | 'disk', string>>;
	/** Show dangling and intermediate images too. */
	showUntagged: boolean;
	tables: Record<ResourceTable, ResourceTableUi>;
	pull?: PullState;
	history?: HistoryState;
	/** Counts the user's refresh key presses; sync re-reads what the view shows when it changes. */
	refreshRequests: number;
};

/** Nothing listed yet. */
export function initialResources(): ResourcesState {
	return {
		images: [],
		volumes: [],
		networks: [],
		loaded: {images: false, volumes: false, networks: false, disk: false},
		errors: {},
		showUntagged: false,
		refreshRequests: 0,
		tables: {
			images: {sort: {column: 'name', descending: false}},
			volumes: {sort: {column: 'name', descending: false}},
			networks: {sort: {column: 'name', descending: false}},
		},
	};
}
