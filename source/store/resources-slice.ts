import type {DiskUsage} from '../domain/disk-usage.js';
import type {ImageRow} from '../domain/image.js';
import type {NetworkRow} from '../domain/network.js';
import type {VolumeRow} from '../domain/volume.js';
import type {HistoryState, PullState, ResourcesState, ResourceTable, ResourceTableUi} from './resources-state.js';
import type {AppState} from './state.js';

function withResources(state: AppState, change: Partial<ResourcesState>): AppState {
	return {...state, resources: {...state.resources, ...change}};
}

function withoutError(resources: ResourcesState, kind: ResourceTable | 'disk'): ResourcesState['errors'] {
	if (!(kind in resources.errors)) return resources.errors;
	const errors = {...resources.errors};
	delete errors[kind];
	return errors;
}

/** Same length and the same JSON for each entry: a re-list that found nothing new keeps the old array, so panes do not re-render. */
function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
	return a.length === b.length && a.every((item, index) => JSON.stringify(item) === JSON.stringify(b[index]));
}

/** With `host`, the new rows of that host plus every other host's rows: each host's sync owns only its own. */
function mergeHost<T extends {host?: string}>(current: readonly T[], rows: T[], host: string | undefined): T[] {
	if (host === undefined) return rows;
	const tagged = rows.map(row => ({...row, host}));
	const others = current.filter(row => row.host !== host);
	return others.length === 0 ? tagged : [...others, ...tagged];
}

/** Replaces the image list (of one host, with `host`) after a (re-)list. */
export function replaceImages(state: AppState, list: ImageRow[], host?: string): AppState {
	const r = state.resources;
	const images = mergeHost(r.images, list, host);
	if (r.loaded.images && !r.errors.images && sameList(r.images, images)) return state;
	return withResources(state, {images, loaded: {...r.loaded, images: true}, errors: withoutError(r, 'images')});
}

/** Replaces the volume list (of one host, with `host`) after a (re-)list. */
export function replaceVolumes(state: AppState, list: VolumeRow[], host?: string): AppState {
	const r = state.resources;
	const volumes = mergeHost(r.volumes, list, host);
	if (r.loaded.volumes && !r.errors.volumes && sameList(r.volumes, volumes)) return state;
	return withResources(state, {volumes, loaded: {...r.loaded, volumes: true}, errors: withoutError(r, 'volumes')});
}

/** Replaces the network list (of one host, with `host`) after a (re-)list. */
export function replaceNetworks(state: AppState, list: NetworkRow[], host?: string): AppState {
	const r = state.resources;
	const networks = mergeHost(r.networks, list, host);
	if (r.loaded.networks && !r.errors.networks && sameList(r.networks, networks)) return state;
	return withResources(state, {networks, loaded: {...r.loaded, networks: true}, errors: withoutError(r, 'networks')});
}

/** Records a new disk-usage report. */
export function setDiskUsage(state: AppState, disk: DiskUsage): AppState {
	const r = state.resources;
	if (r.disk && !r.errors.disk && JSON.stringify(r.disk) === JSON.stringify(disk)) return state;
	return withResources(state, {disk, loaded: {...r.loaded, disk: true}, errors: withoutError(r, 'disk')});
}

/** The user asked for fresh figures (R in the disk and volumes views); sync sees the count move and re-reads. */
export function askRefresh(state: AppState): AppState {
	return withResources(state, {refreshRequests: state.resources.refreshRequests + 1});
}

/** Records why listing a kind failed; the table shows it instead of stale rows going unexplained. */
export function setResourceError(state: AppState, kind: ResourceTable | 'disk', message: string): AppState {
	const r = state.resources;
	if (r.errors[kind] === message) return state;
	return withResources(state, {errors: {...r.errors, [kind]: message}, loaded: {...r.loaded, [kind]: true}});
}

/** Changes selection or sort of one table. */
export function setTableUi(state: AppState, table: ResourceTable, change: Partial<ResourceTableUi>): AppState {
	const current = state.resources.tables[table];
	if (Object.entries(change).every(([key, value]) => current[key as keyof ResourceTableUi] === value)) return state;
	return withResources(state, {tables: {...state.resources.tables, [table]: {...current, ...change}}});
}

/** Sorts a table by a column; the same column again flips the direction. Sizes and times read best biggest or newest first. */
export function sortTable(state: AppState, table: ResourceTable, column: string): AppState {
	const {sort} = state.resources.tables[table];
	const descending = sort.column === column ? !sort.descending : ['size', 'created', 'containers'].includes(column);
	return setTableUi(state, table, {sort: {column, descending}});
}

/** Shows or hides dangling and intermediate images. */
export function toggleUntagged(state: AppState): AppState {
	return withResources(state, {showUntagged: !state.resources.showUntagged});
}

/** Starts, updates or clears the pull shown in the images view. */
export function setPull(state: AppState, pull: PullState | undefined): AppState {
	return state.resources.pull === pull ? state : withResources(state, {pull});
}

/** Changes the pull only if it is still the one `cancel` belongs to, so a late message of an old pull cannot overwrite a new one. */
export function updatePull(state: AppState, cancel: PullState['cancel'], change: (pull: PullState) => PullState): AppState {
	const pull = state.resources.pull;
	if (!pull || pull.cancel !== cancel) return state;
	return setPull(state, change(pull));
}

/** Opens, updates or closes the history view's content. */
export function setHistory(state: AppState, history: HistoryState | undefined): AppState {
	return state.resources.history === history ? state : withResources(state, {history});
}
