import {createEngine, type Engine} from '../engine/engine.js';
import {describeTarget} from '../engine/connection.js';
import {EngineError, probe, type EngineTarget} from '../engine/connection.js';
import type {NamedTarget} from '../engine/targets.js';
import type {HostControl} from '../actions/command-context.js';
import {checkDistinctEngines, SameEngineError} from './hosts-start.js';
import {recordEvent} from '../store/events-slice.js';
import {addHostConnection, initHosts, removeHost} from '../store/hosts-slice.js';
import type {Store} from '../store/store.js';
import {routeEngines} from '../sync/engine-router.js';
import {LogStreams} from '../sync/log-streams.js';
import {SwarmSync} from '../sync/swarm-sync.js';
import {ResourceSync} from '../sync/resource-sync.js';
import {StatsStreams} from '../sync/stats-streams.js';
import {localStats} from '../sync/local-stats.js';
import {Sync} from '../sync/sync.js';
import {TopPoller} from '../sync/top-poller.js';
import {ComposeFiles} from '../sync/compose-files.js';
import {stopBackgroundCommands} from '../actions/custom-commands.js';

/** Anything long-lived: started once, stopped once, the same way for all. */
export type Owner = {readonly name: string; start(): void; stop(): Promise<void>};

/** One host's owners: its engine, its sync, and the stats and resource owners the sync drives. */
export type HostOwners = {name: string; engine: Engine; sync: Sync; owner: Owner};

/** Everything the app runs, built in one place (see buildOwners). */
export type Owners = {
	/** The engines by host name; shared with the command context, so it follows `:ctx`. */
	engines: Map<string, Engine>;
	/** Sends each call to the engine owning what it names (see routeEngines). */
	router: Engine;
	hosts: Map<string, HostOwners>;
	/** Resolves when every host has listed or failed once (start-up draws its first frame then). */
	firstList(): Promise<void>;
	/** Starts every owner, in the order built. */
	start(): void;
	/** Adds a host while running (`:ctx` add); false when the name is taken. */
	addHost(named: NamedTarget): boolean;
	/** Stops one host's owners and drops its rows. */
	removeHost(name: string): Promise<void>;
	/** Stops every owner, in reverse order of building, and waits for each. */
	stop(): Promise<void>;
	/** What `:ctx` does with these owners. */
	control: HostControl;
};

/** Tests shorten the sync's timings; the composition root says how to find docker contexts. */
export type OwnersOptions = {
	sync?: ConstructorParameters<typeof Sync>[2];
	contexts?: {list(): string[]; resolve(name: string): EngineTarget};
	/** How often resource sizes and top are read again (config `refresh`). */
	refresh?: {resourcesMs: number; topMs: number};
	/** 'api' keeps every host on the engine API (PORTHOLE_STATS_SOURCE=api); by default a local engine's stats come from its cgroup files. */
	statsSource?: string;
};

/**
 * Builds every long-lived owner the app runs, so there is one place that
 * constructs them and one way to stop them: per host an engine, its
 * StatsStreams and ResourceSync and the Sync that drives them; then the
 * LogStreams and TopPoller, which reach every host through the router. All
 * are Owners kept in one list, started in order and stopped in reverse.
 */
export function buildOwners(targets: readonly NamedTarget[], store: Store, options: OwnersOptions = {}): Owners {
	const engines = new Map<string, Engine>();
	const hosts = new Map<string, HostOwners>();
	const shared: Owner[] = [];
	let started = false;
	const router = routeEngines(engines, store);
	const logStreams = new LogStreams(router, store);

	const makeHost = (named: NamedTarget, first: boolean): HostOwners => {
		const engine = createEngine(named.target);
		const stats = localStats(named, engine, store, new StatsStreams(engine, store), options.statsSource);
		// The store holds one disk-usage report: the first host's.
		const resources = new ResourceSync(engine, store, undefined, named.name, first, options.refresh?.resourcesMs);
		const sync = new Sync(engine, store, {...options.sync, host: named.name, stats, resources});
		sync.onAnyEvent(event => store.update(state => recordEvent(state, event)));
		sync.onContainerEvent(event => logStreams.onEvent(event));
		// Swarm views follow the first host: the one a manager is expected on.
		const swarm = first ? new SwarmSync(engine, store) : undefined;
		if (swarm) sync.onAnyEvent(event => swarm.onEvent(event));
		let controller: AbortController | undefined;
		let running: Promise<void> | undefined;
		const owner: Owner = {
			name: `sync ${named.name}`,
			start() {
				controller = new AbortController();
				running = sync.run({signal: controller.signal});
				swarm?.start();
			},
			async stop() {
				controller?.abort();
				await running;
				stats.close();
				resources.stop();
				swarm?.stop();
				await engine.close();
			},
		};
		return {name: named.name, engine, sync, owner};
	};

	store.update(state => initHosts(state, targets.map(({name, target}) => ({name, target: describeTarget(target)}))));
	targets.forEach((named, index) => {
		const host = makeHost(named, index === 0);
		engines.set(named.name, host.engine);
		hosts.set(named.name, host);
	});
	const logController = new AbortController();
	shared.push({name: 'log streams', start: () => logStreams.run(logController.signal), stop: async () => logController.abort()});
	const topPoller = new TopPoller(router, store, options.refresh?.topMs);
	let stopTop: (() => void) | undefined;
	shared.push({name: 'top poller', start: () => (stopTop = topPoller.start()), stop: async () => stopTop?.()});
	// The compose files of the projects in the grouped view, for its drift marker.
	const composeFiles = new ComposeFiles(store);
	let stopComposeFiles: (() => void) | undefined;
	shared.push({name: 'compose files', start: () => (stopComposeFiles = composeFiles.start()), stop: async () => stopComposeFiles?.()});
	// Background custom commands are started by keys, not here, but the app owns them: none outlives it.
	shared.push({name: 'background commands', start: () => undefined, stop: stopBackgroundCommands});

	const firstList = () => Promise.all([...hosts.values()].map(host => Promise.race([host.sync.listed, host.sync.failedOnce]))).then(() => undefined);

	const owners: Owners = {
		engines,
		router,
		hosts,
		firstList,
		start() {
			started = true;
			for (const host of hosts.values()) host.owner.start();
			for (const owner of shared) owner.start();
		},
		addHost(named) {
			if (hosts.has(named.name)) return false;
			const host = makeHost(named, false);
			engines.set(named.name, host.engine);
			hosts.set(named.name, host);
			store.update(state => addHostConnection(state, named.name, describeTarget(named.target)));
			if (started) host.owner.start();
			return true;
		},
		async removeHost(name) {
			const host = hosts.get(name);
			if (!host || hosts.size === 1) return;
			hosts.delete(name);
			engines.delete(name);
			await host.owner.stop();
			store.update(state => removeHost(state, name));
		},
		async stop() {
			for (const owner of [...shared].reverse()) await owner.stop();
			for (const host of [...hosts.values()].reverse()) await host.owner.stop();
		},
		control: {
			contexts: () => options.contexts?.list() ?? [],
			async useContext(context, add) {
				if (!options.contexts) return {text: 'contexts cannot be changed here', level: 'error'};
				let target: EngineTarget;
				try {
					target = options.contexts.resolve(context);
				} catch (error) {
					return {text: (error as Error).message, level: 'error'};
				}
				if (!add) {
					// Switching away from a working screen to an engine that is not there helps nobody: stay.
					try {
						await probe(target);
					} catch (error) {
						const reason = error instanceof EngineError ? error.failure.message : (error as Error).message;
						return {text: `context ${context}: ${reason}; staying on ${[...hosts.keys()].join(', ')}`, level: 'error'};
					}
				}
				let name = context;
				for (let n = 2; hosts.has(name); n++) name = `${context}-${n}`;
				const before = [...hosts.keys()];
				owners.addHost({name, target});
				const added = hosts.get(name)!;
				try {
					const others = before.map(other => ({name: other, engine: engines.get(other)!, target}));
					await checkDistinctEngines([...others, {name, engine: added.engine, target}]);
				} catch (error) {
					await owners.removeHost(name);
					return {text: error instanceof SameEngineError ? `context ${context}: already on screen (${error.message})` : (error as Error).message, level: 'error'};
				}
				if (!add) for (const other of before) await owners.removeHost(other);
				return {text: add ? `added host ${name}` : `switched to context ${context}`, level: 'info'};
			},
		},
	};
	return owners;
}
