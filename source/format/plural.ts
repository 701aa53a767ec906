/**
 * "1 container", "2 containers", "0 containers": a count with its noun, for
 * every caption and message. `many` is for nouns whose plural is not noun+s.
 */
export function plural(count: number, noun: string, many = `${noun}s`): string {
	return `${count} ${count === 1 ? noun : many}`;
}
