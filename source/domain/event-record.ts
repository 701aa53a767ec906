/** One engine event as the events pane keeps it: small, already reduced to what it shows. */
export type EventRecord = {
	/** Increases by one per event recorded; a stable React key. */
	seq: number;
	/** Epoch milliseconds. */
	time: number;
	type: string;
	action: string;
	/** The actor's id (container, image, network, volume...). */
	id: string;
	/** The actor's name when the engine gave one, else a short id. */
	name: string;
	/** The engine it came from, when several are on screen. */
	host?: string;
	/** A few telling attributes ("image", "exitCode", "signal", ...), in that order. */
	attributes: Array<[string, string]>;
};

/** Attributes worth a column, most telling first; the rest (mostly container labels) are left out. */
const keyAttributes = ['image', 'exitCode', 'signal', 'container', 'driver', 'type', 'destination', 'execID', 'health_status'];
/** How much of each kept field survives; the ring holds a thousand records, so each must stay small. */
export const eventLimits = {attributes: 4, value: 80, action: 120, type: 32, id: 80} as const;

/**
 * `text` cut to `max` characters, the cut marked with an ellipsis. The cut is
 * copied: V8 keeps a slice as a view of the string it came from, so a plain
 * slice of a 120 KB action would keep all 120 KB alive in the ring.
 */
export function clip(text: string, max: number): string {
	if (text.length <= max) return text;
	return Array.from(text.slice(0, max - 1)).join('') + '…';
}

/**
 * Reduces an engine event to a record. Every field is cut: an exec event's
 * action carries the whole command ("exec_start: sh -c …"), and a health
 * check with a 120 KB command run ten times a second would otherwise fill the
 * ring with megabytes; a hostile label or name must not bloat it either.
 */
export function eventRecord(event: {type: string; action: string; id: string; attributes: Record<string, string>; time: number; host?: string}, seq: number): EventRecord {
	const attributes: Array<[string, string]> = [];
	for (const key of keyAttributes) {
		const value = event.attributes[key];
		if (value === undefined || attributes.length >= eventLimits.attributes) continue;
		attributes.push([key, clip(value, eventLimits.value)]);
	}
	const name = event.attributes.name ?? (/^[0-9a-f]{64}$/.test(event.id) ? event.id.slice(0, 12) : event.id);
	return {
		seq,
		time: event.time,
		type: clip(event.type, eventLimits.type),
		action: clip(event.action, eventLimits.action),
		id: clip(event.id, eventLimits.id),
		name: clip(name, eventLimits.value),
		attributes,
		...(event.host === undefined ? {} : {host: event.host}),
	};
}

/** True for the exec events a health check raises on every run: Docker's exec_create, exec_start, exec_die…, Podman's exec and exec_died. */
export function isExecEvent(record: Pick<EventRecord, 'action'>): boolean {
	return /^exec(_|$|:)/.test(record.action);
}
