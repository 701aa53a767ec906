import type {RawLogLine} from '../domain/log-line.js';

/**
 * A service log line asked for with `details=true` starts with its attributes,
 * `key=value` pairs (each URL-encoded) joined by commas, then a space: the
 * engine's `com.docker.swarm.node.id`, `…service.id` and `…task.id`, and any
 * the container's log driver adds. This reads the task id off and leaves the
 * text as the task wrote it. A line without such a prefix is kept whole.
 */
export function withTask(line: RawLogLine): RawLogLine {
	const space = line.text.indexOf(' ');
	const head = space === -1 ? line.text : line.text.slice(0, space);
	if (!/^[^=\s,]+=[^\s,]*(?:,[^=\s,]+=[^\s,]*)*$/.test(head)) return line;
	let task: string | undefined;
	for (const pair of head.split(',')) {
		const [key, value = ''] = pair.split('=');
		if (decode(key!) === 'com.docker.swarm.task.id') task = decode(value);
	}
	if (task === undefined) return line;
	return {...line, text: space === -1 ? '' : line.text.slice(space + 1), task};
}

function decode(text: string): string {
	try {
		return decodeURIComponent(text.replaceAll('+', ' '));
	} catch {
		return text;
	}
}
