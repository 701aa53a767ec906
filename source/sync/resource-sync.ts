import type {Engine, EngineEvent} from '../engine/engine.js';
import {replaceImages, replaceNetworks, replaceVolumes, setDiskUsage, setResourceError} from '../store/resources-slice.js';
import type {ViewName} from '../store/state.js';
import type {Store} from '../store/store.js';
import {Coalesced} from './coalesced.js';

/** What ResourceSync re-reads: one list per kind, and the disk-usage report. */
export type ResourceKind = 'images' | 'volumes' | 'networks' | 'disk';

/** Event types and actions that change each kind. Volume mount/unmount only change usage counts, which disk usage reports. */
export function kindsForEvent(event: Pick<EngineEvent, 'type' | 'action'>): ResourceKind[] {
	const action = event.action.split(':')[0] ?? '';
	switch (event.type) {
		case 'image': return action === 'inspect' ? [] : ['images', 'disk'];
		case 'volume': return action === 'mount' || action === 'unmount' ? ['disk'] : ['volumes', 'disk'];
		case 'network': return ['networks'];
		default: return [];
	}
}

/** Views that show disk-usage figures; entering one refreshes the report. */
const diskViews = new Set<ViewName>(['images', 'volumes', 'disk']);

/** Views whose figures are sizes that change with no event (a volume filling up): re-read on a slow cadence while shown, and on R. */
const sizeViews = new Set<ViewName>(['volumes', 'disk']);

/** How often those views re-read disk usage while shown. */
export const sizeRefreshMs = 30_000;

/**
 * Keeps images, volumes, networks and disk usage in the store. Events are
 * triggers: each names the kinds it touches, and a burst of events (a pull
 * tags, a prune deletes dozens) becomes one re-list per kind after a short
 * quiet spell. A list already running when more events arrive runs once more
 * afterwards, never in parallel. The disk-usage report, the costliest call, is
 * also re-read on entering a view that shows it, every 30 s while the disk or
 * volumes view is shown (a volume fills up without an event), and when the
 * user asks (R). No timer runs while those views are not shown.
 */
export class ResourceSync {
	private readonly timers = new Map<ResourceKind, NodeJS.Timeout>();
	/** One read per kind at a time; once stopped, a read asked for meanwhile does nothing. */
	private readonly reads = new Coalesced<ResourceKind>(async kind => (this.stopped ? undefined : this.read(kind)));
	private unsubscribe?: () => void;
	private lastView?: ViewName;
	private lastRequests = 0;
	private ticker?: NodeJS.Timeout;
	private stopped = false;

	/**
	 * `host` tags the rows and makes each re-list replace only this host's
	 * rows. `disk` says whether this one reports disk usage: the store holds one
	 * report, so with several hosts only the first host's is read.
	 */
	constructor(
		private readonly engine: Engine,
		private readonly store: Store,
		private readonly debounceMs = {lists: 100, disk: 400},
		private readonly host?: string,
		private readonly disk = true,
		private readonly sizePeriodMs = sizeRefreshMs,
	) {}

	/** Lists every kind once (start-up and after a reconnect), and starts watching the view. Never rejects. */
	async refreshAll(): Promise<void> {
		this.stopped = false;
		if (!this.unsubscribe) {
			const snapshot = this.store.getSnapshot();
			this.lastView = snapshot.ui.view;
			this.lastRequests = snapshot.resources.refreshRequests;
			this.unsubscribe = this.store.subscribe(() => this.onStoreChange());
			this.tick(this.lastView);
		}
		await Promise.all((['images', 'volumes', 'networks', 'disk'] as const).map(kind => this.refresh(kind)));
	}

	/** Handles one non-container event: schedules a re-list of the kinds it touches. */
	onEvent(event: EngineEvent): void {
		for (const kind of kindsForEvent(event)) this.schedule(kind);
	}

	/** Stops timers and the view watch; lists in flight finish but start nothing more. */
	stop(): void {
		this.stopped = true;
		for (const timer of this.timers.values()) clearTimeout(timer);
		this.timers.clear();
		this.tick(undefined);
		this.unsubscribe?.();
		this.unsubscribe = undefined;
	}

	private onStoreChange(): void {
		const {ui, resources} = this.store.getSnapshot();
		if (resources.refreshRequests !== this.lastRequests) {
			this.lastRequests = resources.refreshRequests;
			void this.refresh('disk');
			if (ui.view === 'volumes') void this.refresh('volumes');
		}
		const view = ui.view;
		if (view === this.lastView) return;
		this.lastView = view;
		this.tick(view);
		if (diskViews.has(view)) this.schedule('disk');
	}

	/** Runs the slow re-read while `view` shows sizes, and no timer otherwise. */
	private tick(view: ViewName | undefined): void {
		const wanted = view !== undefined && sizeViews.has(view) && !this.stopped;
		if (!wanted) {
			clearInterval(this.ticker);
			this.ticker = undefined;
			return;
		}
		this.ticker ??= setInterval(() => {
			void this.refresh('disk');
			if (this.lastView === 'volumes') void this.refresh('volumes');
		}, this.sizePeriodMs);
	}

	private schedule(kind: ResourceKind): void {
		if (this.stopped || this.timers.has(kind)) return;
		const wait = kind === 'disk' ? this.debounceMs.disk : this.debounceMs.lists;
		this.timers.set(kind, setTimeout(() => {
			this.timers.delete(kind);
			void this.refresh(kind);
		}, wait));
	}

	/** Re-reads one kind now; a call while one runs makes it run once more afterwards. Never rejects. */
	refresh(kind: ResourceKind): Promise<void> {
		return this.reads.run(kind);
	}

	private async read(kind: ResourceKind): Promise<void> {
		try {
			switch (kind) {
				case 'images': {
					const images = await this.engine.listImages();
					this.store.update(state => replaceImages(state, images, this.host));
					break;
				}
				case 'volumes': {
					const volumes = await this.engine.listVolumes();
					this.store.update(state => replaceVolumes(state, volumes, this.host));
					break;
				}
				case 'networks': {
					const networks = await this.engine.listNetworks();
					this.store.update(state => replaceNetworks(state, networks, this.host));
					break;
				}
				case 'disk': {
					if (!this.disk) break;
					const disk = await this.engine.diskUsage();
					this.store.update(state => setDiskUsage(state, disk));
					break;
				}
			}
		} catch (error) {
			const message = this.engine.explain(error);
			this.store.update(state => setResourceError(state, kind, message));
		}
	}
}
