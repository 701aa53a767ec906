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
const maxAttributes = 4;
const maxValue = 80;

/** Reduces an engine event to a record; long values are cut so a hostile label cannot bloat the ring. */
export function eventRecord(event: {type: string; action: string; id: string; attributes: Record<string, string>; time: number; host?: string}, seq: number): EventRecord {
	const attributes: Array<[string, string]> = [];
	for (const key of keyAttributes) {
		const value = event.attributes[key];
		if (value === undefined || attributes.length >= maxAttributes) continue;
		attributes.push([key, value.length > maxValue ? `${value.slice(0, maxValue - 1)}…` : value]);
	}
	const name = event.attributes.name ?? (/^[0-9a-f]{64}$/.test(event.id) ? event.id.slice(0, 12) : event.id);
	return {
		seq,
		time: event.time,
		type: event.type,
		action: event.action,
		id: event.id,
		name: name.length > maxValue ? `${name.slice(0, maxValue - 1)}…` : name,
		attributes,
		...(event.host === undefined ? {} : {host: event.host}),
	};
}
