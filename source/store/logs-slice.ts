import type {ContainerRow} from '../domain/container.js';
import type {LogLine} from '../domain/log-line.js';
import {Ring} from '../domain/ring.js';
import type {AppState, ViewName} from './state.js';

/** One container whose log the view shows. */
export type LogTarget = {
	id: string;
	name: string;
	tty: boolean;
	/** `live` while streaming or waiting for it; `ended` once the container stopped; `removed` once destroyed; `unavailable` when its log driver keeps nothing to read. */
	status: 'live' | 'ended' | 'removed' | 'unavailable';
	/** Why the logs are unavailable (safe text), e.g. "the none log driver keeps no logs to read". */
	reason?: string;
	/** Index into the name colours of the merged view. */
	colour: number;
	/** A Swarm service: one stream from `/services/{id}/logs` with every task's lines, each prefixed by its slot. */
	service?: boolean;
};

/** Which part of the log to load: the last N lines and/or lines since some seconds ago. Neither means all. */
export type LogRange = {tail?: number; sinceSeconds?: number};

/** The logs view: what it shows, the bounded buffer of lines, and how it is looked at. */
export type LogsState = {
	targets: readonly LogTarget[];
	/** Oldest first, ordered by time; appended in place, replaced when reordered. Compare `version`. */
	lines: Ring<LogLine>;
	version: number;
	/** Bumped whenever the streams must start over (opened, range changed); the sync follows it. */
	session: number;
	nextSeq: number;
	/** Lines that fell out of the ring (or were shed before it) since the view opened. */
	dropped: number;
	range: LogRange;
	/** The tail a new view starts with (--tail). */
	defaultTail: number;
	follow: boolean;
	/** The line at the top of the screen while the follow is paused. */
	topSeq?: number;
	search: string;
	/** The match `n`/`N` last jumped to. */
	matchSeq?: number;
	filter: string;
	inverse: boolean;
	timestamps: boolean;
	wrap: boolean;
	/** False with NO_COLOR: log colours are stripped too, and the markers carry the meaning. */
	colour: boolean;
	/** Where Esc goes back to. */
	back: ViewName;
};

/** The default ring size and initial tail. */
export const logDefaults = {capacity: 10_000, tail: 1000};

/** The logs state before any view opened. */
export function initialLogs(options: {capacity?: number; tail?: number; colour?: boolean} = {}): LogsState {
	return {
		targets: [],
		lines: new Ring<LogLine>(options.capacity ?? logDefaults.capacity),
		version: 0,
		session: 0,
		nextSeq: 1,
		dropped: 0,
		range: {tail: options.tail ?? logDefaults.tail},
		defaultTail: options.tail ?? logDefaults.tail,
		follow: true,
		search: '',
		filter: '',
		inverse: false,
		timestamps: false,
		wrap: false,
		colour: options.colour ?? true,
		back: 'containers',
	};
}

function withLogs(state: AppState, change: Partial<LogsState>): AppState {
	return {...state, logs: {...state.logs, ...change}};
}

function emptied(logs: LogsState): Partial<LogsState> {
	return {lines: new Ring<LogLine>(logs.lines.capacity), version: logs.version + 1, dropped: 0, follow: true, topSeq: undefined, matchSeq: undefined};
}

/** Opens the logs view on these containers (several: merged), starting streams afresh. */
export function openLogs(state: AppState, rows: readonly ContainerRow[]): AppState {
	return openTargets(state, rows.map((row, index): LogTarget => ({id: row.id, name: row.name, tty: row.tty, status: 'live', colour: index})));
}

/** Opens the logs view on Swarm services: every task's lines, on every node, merged by time. */
export function openServiceLogs(state: AppState, services: ReadonlyArray<{id: string; name: string; tty?: boolean}>): AppState {
	// Colours step by 3 per service, so a service's slots (colour + slot) rarely share one with the next service's.
	return openTargets(state, services.map((service, index): LogTarget => ({id: service.id, name: service.name, tty: service.tty ?? false, status: 'live', colour: index * 3, service: true})));
}

function openTargets(state: AppState, targets: LogTarget[]): AppState {
	if (targets.length === 0) return state;
	const logs = state.logs;
	const back = state.ui.view === 'logs' ? logs.back : state.ui.view;
	return {
		...state,
		ui: {...state.ui, view: 'logs'},
		logs: {...logs, ...emptied(logs), targets, session: logs.session + 1, range: {tail: logs.defaultTail}, search: '', filter: '', inverse: false, back},
	};
}

/** Leaves the logs view: the streams stop and the lines are let go. */
export function closeLogs(state: AppState): AppState {
	const logs = state.logs;
	return {...state, ui: {...state.ui, view: logs.back === 'logs' ? 'containers' : logs.back, prompt: undefined}, logs: {...logs, ...emptied(logs), targets: []}};
}

/** Loads another part of the log: the view empties and the streams start over with the new range. */
export function setLogRange(state: AppState, range: LogRange): AppState {
	const logs = state.logs;
	return withLogs(state, {...emptied(logs), range, session: logs.session + 1, targets: logs.targets.map(target => target.status === 'removed' ? target : {...target, status: 'live'})});
}

/** Records a target's status (ended when its container stopped, removed when destroyed). */
export function setTargetStatus(state: AppState, id: string, status: LogTarget['status'], reason?: string): AppState {
	const target = state.logs.targets.find(each => each.id === id);
	if (!target || (target.status === status && target.reason === reason)) return state;
	return withLogs(state, {targets: state.logs.targets.map(each => each.id === id ? {...each, status, reason} : each)});
}

/**
 * Adds lines to the view. A batch that is in time order after what is held
 * is appended; one that reaches back (the merged view, where each container's
 * tail arrives on its own) is merged in by time, so the ring stays ordered.
 * Lines get their sequence numbers here. Lines of targets no longer shown are ignored.
 */
export function appendLogLines(state: AppState, batch: ReadonlyArray<Omit<LogLine, 'seq'>>): AppState {
	const logs = state.logs;
	const wanted = batch.filter(line => logs.targets.some(target => target.id === line.source));
	if (wanted.length === 0) return state;
	// Several sources interleave out of order: containers merged, or one service's tasks (the engine relays each task's lines as they come).
	const merging = logs.targets.length > 1 || logs.targets.some(target => target.service);
	const ordered = wanted.length > 1 && merging ? stableSortByTime(wanted) : wanted;
	const ring = logs.lines;
	const last = ring.last();
	const first = ordered[0]!;
	let nextSeq = logs.nextSeq;
	if (!last || first.time === '' || last.time === '' || first.time >= last.time || !merging) {
		const before = ring.dropped;
		ring.pushMany(ordered.map(line => ({...line, seq: nextSeq++})));
		return withLogs(state, {version: logs.version + 1, nextSeq, dropped: logs.dropped + ring.dropped - before});
	}
	// Reaches back in time: merge with the held lines that are later than the batch's first.
	const merged = stableSortByTime([...ring.toArray(), ...ordered]);
	const fresh = new Ring<LogLine>(ring.capacity);
	const keep = merged.slice(Math.max(0, merged.length - ring.capacity));
	let topSeq: number | undefined;
	let matchSeq: number | undefined;
	fresh.pushMany(keep.map(line => {
		const seq = nextSeq++;
		if ('seq' in line && line.seq === logs.topSeq) topSeq = seq;
		if ('seq' in line && line.seq === logs.matchSeq) matchSeq = seq;
		return {...line, seq};
	}));
	return withLogs(state, {lines: fresh, version: logs.version + 1, nextSeq, dropped: logs.dropped + merged.length - keep.length, topSeq, matchSeq});
}

/** Counts lines shed before they reached the view (the sync's own backlog overflowed). */
export function addDropped(state: AppState, count: number): AppState {
	return count > 0 ? withLogs(state, {dropped: state.logs.dropped + count}) : state;
}

function stableSortByTime<T extends {time: string}>(lines: readonly T[]): T[] {
	return lines.map((line, index) => ({line, index}))
		.sort((a, b) => (a.line.time < b.line.time ? -1 : a.line.time > b.line.time ? 1 : a.index - b.index))
		.map(({line}) => line);
}

/** Pauses the follow with this line at the top, or resumes it (top undefined). */
export function setLogScroll(state: AppState, topSeq: number | undefined): AppState {
	const follow = topSeq === undefined;
	if (state.logs.follow === follow && state.logs.topSeq === topSeq) return state;
	return withLogs(state, {follow, topSeq});
}

/** Changes how the view looks or what it matches. */
export function setLogOptions(state: AppState, change: Partial<Pick<LogsState, 'search' | 'matchSeq' | 'filter' | 'inverse' | 'timestamps' | 'wrap'>>): AppState {
	const logs = state.logs;
	if ((Object.keys(change) as Array<keyof typeof change>).every(key => logs[key] === change[key])) return state;
	return withLogs(state, change);
}
