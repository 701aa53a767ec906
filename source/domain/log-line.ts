/** Which output a log line came from. TTY containers have one merged stream; markers are ours (restart, removal). */
export type LogStream = 'stdout' | 'stderr' | 'tty' | 'marker';

/** One line as the engine sent it, decoded but not yet sanitised. */
export type RawLogLine = {
	stream: Exclude<LogStream, 'marker'>;
	/** The engine's RFC3339Nano timestamp (fixed width, UTC), or '' when it sent none. */
	time: string;
	/** The line without its newline; at most the kept bytes of it, decoded as UTF-8. */
	text: string;
	/** Bytes beyond the kept part that were dropped (0 for a whole line); at least this many, as a cut line is emitted when it overflows, before its end. */
	cut: number;
	/** The Swarm task that wrote the line, from a service log's details; absent for a container's log. */
	task?: string;
};

/** One line held in the logs view: sanitised for display, with a plain copy for search, filter and saving. */
export type LogLine = {
	/** Increases with every line the view receives; identifies a line across ring rotation. */
	seq: number;
	/** Which target (container id) the line came from. */
	source: string;
	stream: LogStream;
	/** RFC3339Nano, compared as a string (fixed width); '' for none. */
	time: string;
	/** Sanitised text: SGR colours only. */
	text: string;
	/** The same text without any escape sequence. */
	plain: string;
	/** Bytes cut from the end of a very long line (shown as a marker; the engine's copy is whole). */
	cut: number;
	/** The prefix of a service log's line, its task ("web.2"), safe text; absent when the target's name is the prefix. */
	label?: string;
};

/**
 * Converts an RFC3339Nano timestamp to the `since` value the engine accepts
 * ("seconds.nanoseconds"), one nanosecond later, so a re-attach starts right
 * after the last line seen without repeating it. Undefined for bad input.
 */
export function sinceAfter(time: string): string | undefined {
	const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/.exec(time);
	if (!match) return undefined;
	const seconds = Date.parse(`${match[1]}Z`) / 1000;
	if (!Number.isFinite(seconds)) return undefined;
	const nanos = Number((match[2] ?? '').padEnd(9, '0')) + 1;
	return nanos >= 1e9 ? `${seconds + 1}.000000000` : `${seconds}.${String(nanos).padStart(9, '0')}`;
}

/** Epoch milliseconds of an RFC3339Nano timestamp, or undefined when there is none. */
export function timeMs(time: string): number | undefined {
	if (time === '') return undefined;
	const ms = Date.parse(time);
	return Number.isFinite(ms) ? ms : undefined;
}
