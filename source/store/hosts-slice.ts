import type {AppState, Connection} from './state.js';

/** The host names on screen, in the order given (empty until a sync reports). */
export function hostNames(state: AppState): string[] {
	return Object.keys(state.hosts ?? {});
}

/** True when more than one engine is on screen: tables then show a HOST column. */
export function manyHosts(state: AppState): boolean {
	return hostNames(state).length > 1;
}

/** The narrowest and widest HOST column: a long host name is cut at the widest, with an ellipsis. */
export const hostColumnLimits = {min: 4, max: 24} as const;

/**
 * The width of the HOST column: 0 with one engine (no column), else the longest
 * host name, kept between `hostColumnLimits`, so names like `prod-db-1` and
 * `prod-db-2` stay told apart instead of both reading `prod-db-…`.
 */
export function hostColumnWidth(state: AppState): number {
	const names = hostNames(state);
	if (names.length < 2) return 0;
	const longest = Math.max(...names.map(name => name.length));
	return Math.min(hostColumnLimits.max, Math.max(hostColumnLimits.min, longest));
}

/** Registers the hosts before any sync reports, so the status bar lists them all from the first frame. */
export function initHosts(state: AppState, hosts: ReadonlyArray<{name: string; target: string}>): AppState {
	const all: Record<string, Connection> = {};
	for (const {name, target} of hosts) all[name] = {status: 'connecting', target};
	return {...state, hosts: all, connection: summarise(all, state.connection)};
}

/** Adds one host (`:ctx` add) as connecting; a known name changes nothing. */
export function addHostConnection(state: AppState, name: string, target: string): AppState {
	if (state.hosts?.[name]) return state;
	const hosts = {...state.hosts, [name]: {status: 'connecting' as const, target}};
	return {...state, hosts, connection: summarise(hosts, state.connection)};
}

/** Records one host's connection; repeats change nothing. The summary `connection` follows. */
export function setHostConnection(state: AppState, name: string, connection: Omit<Connection, 'target'>): AppState {
	const current = state.hosts?.[name] ?? {status: 'connecting', target: state.connection.target};
	if (current.status === connection.status && current.message === connection.message && current.attempt === connection.attempt && current.rttMs === connection.rttMs && current.product === connection.product) return state;
	const hosts = {...state.hosts, [name]: {target: current.target, ...connection}};
	return {...state, hosts, connection: summarise(hosts, state.connection)};
}

/** Drops a host (`:ctx` switching away from it) with its rows. */
export function removeHost(state: AppState, name: string): AppState {
	if (!state.hosts?.[name]) return state;
	const hosts = {...state.hosts};
	delete hosts[name];
	const containers = new Map([...state.containers].filter(([, row]) => row.host !== name));
	const stats = new Map([...state.stats].filter(([id]) => containers.has(id)));
	return {...state, hosts, containers, stats, connection: summarise(hosts, state.connection)};
}

/**
 * One host: its own connection. Several: up when any is up (the screen is
 * useful), else the most hopeful of the others; the target lists the names.
 */
function summarise(hosts: Readonly<Record<string, Connection>>, previous: Connection): Connection {
	const all = Object.values(hosts);
	if (all.length === 1) return all[0]!;
	if (all.length === 0) return previous;
	const order: Array<Connection['status']> = ['up', 'stalled', 'retrying', 'connecting', 'down'];
	const status = order.find(wanted => all.some(host => host.status === wanted)) ?? 'down';
	return {status, target: Object.keys(hosts).join(', ')};
}
