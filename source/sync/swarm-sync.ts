import type {Engine, EngineEvent} from '../engine/engine.js';
import {sanitizeText} from '../format/sanitize.js';
import type {AppState, ViewName} from '../store/state.js';
import type {Store} from '../store/store.js';
import {replaceNodes, replaceServices, replaceTasks, setSwarm, swarmOf} from '../store/swarm-slice.js';

/** The views that show swarm lists: the only time anything here talks to the engine. */
const swarmViews = new Set<ViewName>(['services', 'tasks', 'nodes', 'stacks']);

/** How often a shown swarm view is re-read: at `minMs` after a change, doubling to `maxMs` while nothing changes. */
export type SwarmPace = {minMs: number; maxMs: number; debounceMs: number};

/** The default pace: every 2 s after a change, at most every 15 s when quiet. */
export const defaultSwarmPace: SwarmPace = {minMs: 2000, maxMs: 15_000, debounceMs: 150};

/** The next poll delay: back to the minimum after a change, else doubled up to the maximum. */
export function nextDelay(previous: number, changed: boolean, pace: Pick<SwarmPace, 'minMs' | 'maxMs'>): number {
	return changed ? pace.minMs : Math.min(pace.maxMs, Math.max(pace.minMs, previous * 2));
}

/**
 * Keeps services, tasks and nodes in the store while a swarm view is on
 * screen, and does nothing otherwise. Service and node events re-read at once
 * (after a short debounce); tasks have no events, and running counts change
 * without a service event, so the shown view is also polled, backing off
 * while nothing changes. One read at a time; a request during one runs once
 * after it. Each read asks /info first, so a worker or a node outside a swarm
 * shows one line instead of an error.
 */
export class SwarmSync {
	private unsubscribe?: () => void;
	private timer?: NodeJS.Timeout;
	private delay: number;
	private running = false;
	private again = false;
	private lastView?: ViewName;
	private lastRequests = 0;
	private lastTasksFor?: string;
	private stopped = true;

	constructor(private readonly engine: Engine, private readonly store: Store, private readonly pace: SwarmPace = defaultSwarmPace) {
		this.delay = pace.minMs;
	}

	/** Starts watching the view; reads at once if a swarm view is already shown. */
	start(): void {
		if (!this.stopped) return;
		this.stopped = false;
		const state = this.store.getSnapshot();
		this.lastRequests = swarmOf(state).refreshRequests;
		this.unsubscribe = this.store.subscribe(() => this.onStoreChange());
		this.onStoreChange();
	}

	/** A service or node event: re-read soon if a swarm view is shown (else the next entry reads anyway). */
	onEvent(event: Pick<EngineEvent, 'type'>): void {
		if (event.type !== 'service' && event.type !== 'node') return;
		if (this.shown()) this.schedule(this.pace.debounceMs, true);
	}

	/** Stops the timer and the view watch; a read in flight finishes but starts nothing more. */
	stop(): void {
		this.stopped = true;
		clearTimeout(this.timer);
		this.timer = undefined;
		this.unsubscribe?.();
		this.unsubscribe = undefined;
	}

	private shown(state: AppState = this.store.getSnapshot()): boolean {
		return swarmViews.has(state.ui.view);
	}

	private onStoreChange(): void {
		const state = this.store.getSnapshot();
		const swarm = swarmOf(state);
		const view = state.ui.view;
		const requested = swarm.refreshRequests !== this.lastRequests;
		const entered = view !== this.lastView || swarm.tasksFor?.id !== this.lastTasksFor;
		this.lastRequests = swarm.refreshRequests;
		this.lastView = view;
		this.lastTasksFor = swarm.tasksFor?.id;
		if (!this.shown(state)) {
			clearTimeout(this.timer);
			this.timer = undefined;
			return;
		}
		if (requested || entered) this.schedule(0, true);
	}

	private schedule(ms: number, reset: boolean): void {
		if (this.stopped) return;
		if (reset) this.delay = this.pace.minMs;
		clearTimeout(this.timer);
		this.timer = setTimeout(() => void this.read(), ms);
	}

	private async read(): Promise<void> {
		this.timer = undefined;
		if (this.running) {
			this.again = true;
			return;
		}
		this.running = true;
		let changed = false;
		try {
			const before = this.store.getSnapshot().swarm;
			await this.readShown();
			changed = this.store.getSnapshot().swarm !== before;
		} finally {
			this.running = false;
		}
		if (this.stopped || !this.shown()) return;
		if (this.again) {
			this.again = false;
			this.schedule(0, false);
			return;
		}
		this.delay = nextDelay(this.delay, changed, this.pace);
		this.schedule(this.delay, false);
	}

	/** Reads the role, then what the shown view needs. Never throws: trouble becomes the view's one-line message. */
	private async readShown(): Promise<void> {
		const {engine, store} = this;
		try {
			const role = await engine.swarmRole();
			if (swarmOf(store.getSnapshot()).role !== role) store.update(state => setSwarm(state, {role}));
			if (role !== 'manager') return;
			const state = store.getSnapshot();
			const view = state.ui.view;
			if (view === 'services' || view === 'stacks') {
				const services = await engine.listServices();
				store.update(s => replaceServices(s, services));
			} else if (view === 'tasks') {
				const id = swarmOf(state).tasksFor?.id;
				const [tasks, nodes] = await Promise.all([engine.listTasks(id), engine.listNodes()]);
				// Nodes here only name the task's node; their task counts stay as the nodes view last counted them.
				store.update(s => replaceTasks(replaceNodes(s, nodes, undefined), tasks));
			} else if (view === 'nodes') {
				const [nodes, tasks] = await Promise.all([engine.listNodes(), engine.listTasks()]);
				store.update(s => replaceNodes(s, nodes, tasks));
			}
		} catch (error) {
			const message = sanitizeText(engine.explain(error));
			if (swarmOf(store.getSnapshot()).error !== message) store.update(state => setSwarm(state, {error: message}));
		}
	}
}
