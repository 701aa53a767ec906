/**
 * Splits a typed command line into argv the way a POSIX shell would for plain
 * words: whitespace separates, '…' is literal, "…" allows \" and \\, and a
 * backslash outside quotes escapes the next character. No globbing, no
 * variables, no pipes (type `sh -c '…'` for those). An unclosed quote runs
 * to the end.
 */
export function splitCommandLine(line: string): string[] {
	const args: string[] = [];
	let current = '';
	let started = false;
	let quote: '"' | "'" | undefined;
	for (let i = 0; i < line.length; i++) {
		const char = line[i] ?? '';
		if (quote === "'") {
			if (char === "'") quote = undefined;
			else current += char;
		} else if (quote === '"') {
			if (char === '"') quote = undefined;
			else if (char === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) current += line[++i];
			else current += char;
		} else if (char === "'" || char === '"') {
			quote = char;
			started = true;
		} else if (char === '\\' && i + 1 < line.length) {
			current += line[++i];
			started = true;
		} else if (/\s/.test(char)) {
			if (started) args.push(current);
			current = '';
			started = false;
		} else {
			current += char;
			started = true;
		}
	}
	if (started) args.push(current);
	return args;
}
