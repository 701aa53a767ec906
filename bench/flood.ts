import {setTimeout as sleep} from 'node:timers/promises';
import {cpuPercent, memoryOf, processTree, ticksOf} from './proc.js';
import {percentile, round} from './stats.js';
import type {Terminal} from './terminal.js';
import type {Workload} from './workload.js';

/** The log flood's figures, or why it was skipped. */
export type FloodResult = {skipped: string} | {
	seconds: number;
	linesPerSecond: number;
	cpuPercent: number;
	rssAt10sMB: number;
	rssAtEndMB: number;
	keyLatencyP50Ms: number;
	keyLatencyP95Ms: number;
};

/** Lines the logs view has taken in, from its header: "N lines" plus "M older dropped". */
function linesTaken(lines: string[]): number | undefined {
	const text = lines.join('\n');
	const held = /(\d+) lines/.exec(text);
	if (!held) return undefined;
	return Number(held[1]) + Number(/(\d+) older dropped/.exec(text)?.[1] ?? 0);
}

const showsLogs = (name: string) => (lines: string[]) => lines.some(line => line.startsWith('Logs') && line.includes(name)) && linesTaken(lines) !== undefined;
const showsTable = (lines: string[]) => lines.some(line => line.startsWith('NAME'));

/**
 * The log flood: a container writing `yes` as fast as it can, its logs open
 * (filter to it, press l). Measures lines taken in per second (from the
 * view's own count), CPU, RSS at 10 s and at the end, and the latency of
 * keys that change the screen (Escape back to the table, l into the logs).
 */
export async function logFlood(terminal: Terminal, workload: Workload, seconds: number, log: (line: string) => void): Promise<FloodResult> {
	const pid = await terminal.pid();
	if (!terminal.screen.lines().some(line => line.includes(' l logs'))) {
		return {skipped: 'this build has no logs view (no "l logs" in the footer)'};
	}
	const name = workload.name('0flood', 0);
	await workload.start(name, ['yes']);
	log(`log flood: ${name}, ${seconds} s`);
	await terminal.waitFor(lines => lines.some(line => line.includes(name)), 10_000, name).catch(() => undefined);
	terminal.type(`/${name}`);
	await terminal.waitFor(lines => lines.some(line => line.startsWith(`/${name}`)), 10_000, 'the filter prompt');
	terminal.type('\r');
	await terminal.waitFor(lines => lines.filter(line => line.startsWith('bench-')).length === 1 && lines.some(line => line.startsWith(name)) && !lines.some(line => line.startsWith('/')), 10_000, `only ${name} after filtering`);
	terminal.type('l');
	await terminal.waitFor(showsLogs(name), 10_000, 'the logs view');

	const tree = processTree(pid);
	const ticks0 = ticksOf(tree);
	const lines0 = linesTaken(terminal.screen.lines()) ?? 0;
	const started = Date.now();
	await sleep(Math.min(10, seconds) * 1000);
	const rssAt10s = memoryOf(pid).rss;
	await sleep(Math.max(0, started + seconds * 1000 - Date.now()));
	const elapsed = (Date.now() - started) / 1000;
	const taken = (linesTaken(terminal.screen.lines()) ?? lines0) - lines0;
	const cpu = cpuPercent(ticks0, ticksOf(tree), elapsed);
	const rssAtEnd = memoryOf(pid).rss;

	const latencies: number[] = [];
	for (let index = 0; index < 5; index++) {
		let sent = Date.now();
		terminal.type('\u001B');
		latencies.push(await terminal.waitFor(showsTable, 5000, 'the table after Escape') - sent);
		await sleep(200);
		sent = Date.now();
		terminal.type('l');
		latencies.push(await terminal.waitFor(showsLogs(name), 5000, 'the logs after l') - sent);
		await sleep(200);
	}
	terminal.type('\u001B');
	await terminal.waitFor(showsTable, 5000, 'the table');
	if (process.env.BENCH_DEBUG) process.stderr.write(`flood key latencies (Escape, l, ...): ${latencies.join(' ')}\n`);
	return {
		seconds,
		linesPerSecond: round(taken / elapsed, 0),
		cpuPercent: round(cpu, 1),
		rssAt10sMB: round(rssAt10s / 2 ** 20),
		rssAtEndMB: round(rssAtEnd / 2 ** 20),
		keyLatencyP50Ms: round(percentile(latencies, 50), 0),
		keyLatencyP95Ms: round(percentile(latencies, 95), 0),
	};
}
