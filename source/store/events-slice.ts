import {eventRecord, isExecEvent, type EventRecord} from '../domain/event-record.js';
import {makeMatcher} from '../domain/matcher.js';
import {Ring} from '../domain/ring.js';
import type {EventsState} from './detail-views.js';
import type {AppState} from './state.js';

/** How many engine events the events view keeps, exec events not counted. */
export const eventsCapacity = 1000;

/** How many exec events it keeps besides: enough for the last few health checks of each container. */
export const execEventsCapacity = 200;

function emptyEvents(): EventsState {
	return {ring: new Ring(eventsCapacity), execRing: new Ring(execEventsCapacity), nextSeq: 0, version: 0, type: 'all'};
}

/** The event types the `t` key cycles through. */
export const eventTypes = ['all', 'container', 'image', 'volume', 'network', 'daemon', 'plugin', 'service', 'node', 'secret', 'config'];

type RawEvent = Parameters<typeof eventRecord>[0];

/**
 * Records one engine event of any type; the rings are created on the first and
 * mutated in place after. Exec events go to their own ring: health checks
 * raise them several times a second, and they used to push every other event
 * out of the thousand within minutes.
 */
export function recordEvent(state: AppState, event: RawEvent): AppState {
	const events: EventsState = state.events ?? emptyEvents();
	const record = eventRecord(event, events.nextSeq);
	(isExecEvent(record) ? events.execRing : events.ring).push(record);
	return {...state, events: {...events, nextSeq: events.nextSeq + 1, version: events.version + 1}};
}

/** Changes the events view's type filter or scroll anchor. */
export function updateEvents(state: AppState, change: Partial<Pick<EventsState, 'type' | 'anchor'>>): AppState {
	const events = state.events ?? emptyEvents();
	const next = {...events, ...change};
	if (state.events && next.type === events.type && next.anchor === events.anchor) return state;
	return {...state, events: next};
}

/** The text an event is matched against by the `/` filter. */
export function eventText(record: EventRecord): string {
	return `${record.type} ${record.action} ${record.name} ${record.id} ${record.attributes.map(([key, value]) => `${key}=${value}`).join(' ')}`;
}

/**
 * The one empty list selectEvents returns before any event: useSyncExternalStore
 * compares snapshots by identity, so a fresh `[]` on each call re-renders forever
 * (React error #185).
 */
const noEvents: EventRecord[] = Object.freeze([]) as unknown as EventRecord[];

let memo: {version: number; type: string; filter: string; ring: unknown; rows: EventRecord[]} | undefined;

/** The events the view shows, oldest first, filtered by type and text. Memoized on the ring's version and the filters. */
export function selectEvents(state: AppState): EventRecord[] {
	const events = state.events;
	if (!events) return noEvents;
	const filter = state.ui.view === 'events' ? state.ui.filter : '';
	if (memo && memo.ring === events.ring && memo.version === events.version && memo.type === events.type && memo.filter === filter) return memo.rows;
	const matches = makeMatcher(filter);
	const kept = events.execRing.size === 0 ? events.ring.toArray() : mergeBySeq(events.ring.toArray(), events.execRing.toArray());
	const rows = kept.filter(record => (events.type === 'all' || record.type === events.type) && matches(eventText(record)));
	memo = {version: events.version, type: events.type, filter, ring: events.ring, rows};
	return rows;
}

/** Two lists each in `seq` order, merged into one. */
function mergeBySeq(a: EventRecord[], b: EventRecord[]): EventRecord[] {
	const merged: EventRecord[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (j >= b.length || (i < a.length && a[i]!.seq < b[j]!.seq)) merged.push(a[i++]!);
		else merged.push(b[j++]!);
	}
	return merged;
}

/** How many events are kept, and how many of them are exec events. */
export function keptEvents(events: EventsState | undefined): {total: number; exec: number} {
	return {total: (events?.ring.size ?? 0) + (events?.execRing.size ?? 0), exec: events?.execRing.size ?? 0};
}

/** Index (into `selectEvents`) of the newest event on screen. */
export function bottomIndex(rows: readonly EventRecord[], anchor: number | undefined): number {
	if (anchor === undefined) return rows.length - 1;
	let index = rows.length - 1;
	while (index > 0 && (rows[index]?.seq ?? 0) > anchor) index--;
	return index;
}
