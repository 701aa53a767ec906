import {appendFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';

/*
 * PORTHOLE_TRACE_STARTUP=1 times start-up in parts and prints them to stderr
 * once the terminal is back (any other value: appended to that file). This
 * module is cli.tsx's first import, so its first mark is when the bundle's
 * own code starts to run; the launcher marks when it began and when it
 * asked for the bundle.
 */

const setting = process.env.PORTHOLE_TRACE_STARTUP;
const marks: Array<[string, number, number?]> = [];
let v8Flags: readonly string[] = [];
const notes: string[] = [];
const launcher = globalThis as {__portholeLaunch?: number; __portholeImport?: number};

/** Records a phase's end, in ms since the process started; nothing when not tracing. */
export function mark(name: string): void {
	if (!setting) return;
	const cpu = process.cpuUsage();
	marks.push([name, performance.now(), (cpu.user + cpu.system) / 1000]);
}

if (setting) {
	const node = performance.nodeTiming;
	marks.push(['node bootstrapped', node.bootstrapComplete]);
	if (launcher.__portholeLaunch !== undefined) marks.push(['launcher running', launcher.__portholeLaunch]);
	if (launcher.__portholeImport !== undefined) marks.push(['bundle requested', launcher.__portholeImport]);
	mark('bundle evaluating');
}

/** Records the V8 flags the app set as it started (cli/v8-flags.ts), for the report's first line. */
export function noteV8Flags(flags: readonly string[]): void {
	v8Flags = flags;
}

/** Adds `label: text` to the report's first line (what the code cache did, say); `first` puts it ahead of the notes before it. */
export function noteStartup(label: string, text: string, {first = false} = {}): void {
	if (!setting) return;
	if (first) notes.unshift(`${label}: ${text}`);
	else notes.push(`${label}: ${text}`);
}

/** Marks the first write to `stream` after this call (the first frame reaching the terminal). */
export function markFirstWrite(stream: NodeJS.WriteStream, name: string): void {
	if (!setting) return;
	// Wrapped for good, not put back: a later wrapper (the terminal filter) would be dropped with it.
	const write = stream.write;
	let seen = false;
	stream.write = function (this: NodeJS.WriteStream, ...args: Parameters<typeof write>) {
		if (!seen) mark(name);
		seen = true;
		return write.apply(this, args);
	} as typeof write;
}

/** The phases as lines: when each ended, how long it took since the one before, and the CPU time used by then. */
export function startupReport(): string {
	let previous = 0;
	return marks.map(([name, at, cpu]) => {
		const line = `${name.padEnd(22)} ${at.toFixed(1).padStart(8)} ms  +${(at - previous).toFixed(1).padEnd(7)}${cpu === undefined ? '' : `  CPU ${cpu.toFixed(1)} ms`}`;
		previous = at;
		return line;
	}).join('\n');
}

/** Prints the phases (see the top of this file); call after the terminal is restored. */
export function writeStartupTrace(): void {
	if (!setting || marks.length === 0) return;
	const flags = process.execArgv.length > 0 ? process.execArgv.join(' ') : 'none';
	const text = `porthole start-up (ms since the process began, +since the phase before, CPU time used by then; node flags: ${flags}; V8 flags set once loaded: ${v8Flags.join(' ') || 'none'}${notes.map(note => `; ${note}`).join('')}):\n${startupReport()}\n`;
	if (setting === '1') process.stderr.write(text);
	else appendFileSync(setting, text);
}
