import type {ContainerRow} from '../domain/container.js';

/**
 * "1 container", "2 containers", "0 containers": a count with its noun, for
 * every caption and message. `many` is for nouns whose plural is not noun+s.
 */
export function plural(count: number, noun: string, many = `${noun}s`): string {
	return `${count} ${count === 1 ? noun : many}`;
}

/**
 * A count, its noun and a verb that agrees: "1 line matches", "2 lines
 * match", "1 volume is", "3 volumes are". `nouns` as in `plural`.
 */
export function pluralWith(count: number, noun: string, one: string, many: string, nouns = `${noun}s`): string {
	return `${plural(count, noun, nouns)} ${count === 1 ? one : many}`;
}

/**
 * The status bar's count: "1 container, 1 running", and after `h` how many
 * stopped ones the table leaves out, so nobody wonders where they went.
 */
export function containerSummary(rows: readonly ContainerRow[], hideStopped: boolean): string {
	let running = 0;
	let stopped = 0;
	for (const row of rows) {
		if (row.state === 'running') running++;
		if (row.state === 'exited' || row.state === 'created' || row.state === 'dead') stopped++;
	}
	// Said even when none is stopped now: one that stops later leaves the table, and this says why.
	const hidden = !hideStopped ? '' : stopped > 0 ? `, ${stopped} stopped hidden` : ', stopped hidden';
	return `${plural(rows.length, 'container')}, ${running} running${hidden}`;
}
