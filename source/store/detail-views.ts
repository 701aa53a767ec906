import type {InspectKind} from '../domain/engine-object.js';
import type {EventRecord} from '../domain/event-record.js';
import type {ProcessRow, ProcessSort} from '../domain/process.js';
import type {Ring} from '../domain/ring.js';
import type {ViewName} from './state.js';

/** The top view: the processes of one container, refreshed while the view is visible. */
export type TopState = {
	containerId: string;
	name: string;
	rows: ProcessRow[];
	sort: ProcessSort;
	/** Index of the highlighted row in the sorted list. */
	selected: number;
	/** `stopped`: the container is not running (the list is kept, dimmed); `gone`: it was removed. */
	status: 'loading' | 'ok' | 'stopped' | 'gone' | 'error';
	message?: string;
	/** When the rows were read (epoch ms). */
	updatedAt?: number;
};

/** The inspect view: any engine object's inspect JSON, masked until revealed. */
export type InspectState = {
	kind: InspectKind;
	id: string;
	name: string;
	/** The view Esc goes back to. */
	from: ViewName;
	status: 'loading' | 'ok' | 'gone' | 'error';
	message?: string;
	document?: unknown;
	/** Secret-looking values are shown only after the user asks. */
	reveal: boolean;
	/** First visible line. */
	scroll: number;
	/** The search text (`/`), matched case-insensitively against each line. */
	search: string;
};

/** The events view: a bounded ring of every engine event, and how it is filtered. */
export type EventsState = {
	/** Mutated in place; compare `version`. Every event but the exec ones. */
	ring: Ring<EventRecord>;
	/** The exec events (a health check raises three per run), in a ring of their own so they never push the others out. */
	execRing: Ring<EventRecord>;
	/** The `seq` the next event gets. */
	nextSeq: number;
	version: number;
	/** `all`, or an event type (container, image, network, volume, ...). The text filter is the view's `ui.filter`. */
	type: string;
	/** The `seq` of the newest event shown while scrolled back; undefined follows new events. */
	anchor?: number;
};

/** A terminal handover in progress (exec or attach), so a second one is refused. */
export type Handover = {
	what: string;
	/** When the last key arrived while the terminal was being handed back: input meant for the child, swallowed (actions/handback.ts). */
	keyAt?: number;
};
