import {setTimeout as sleep} from 'node:timers/promises';
import {cpuPercent, enginePids, memoryOf, processTree, ticksOf} from './proc.js';
import type {Terminal} from './terminal.js';

/** The check for a monitor's first frame: a row of this run's workload is on screen. */
export function showsWorkload(run: string): (lines: string[]) => boolean {
	return lines => lines.some(line => line.includes(`bench-${run}-`));
}

/** Measures a window: bytes written to the terminal, CPU of a process tree, the engine's CPU, and RSS and private memory (RssAnon, of the tree) once a second. */
export async function window(seconds: number, terminal: Terminal | undefined, pid: number | undefined, engineDir: string) {
	const tree = pid ? processTree(pid) : [];
	const engine = enginePids(engineDir);
	const bytes0 = terminal?.bytes ?? 0;
	const ticks0 = ticksOf(tree);
	const engine0 = ticksOf(engine);
	const started = Date.now();
	let rss = 0;
	let rssAnon = 0;
	for (let second = 0; second < seconds; second++) {
		await sleep(Math.max(0, started + (second + 1) * 1000 - Date.now()));
		if (pid) rss = Math.max(rss, memoryOf(pid).rss);
		rssAnon = Math.max(rssAnon, tree.reduce((sum, member) => sum + memoryOf(member).rssAnon, 0));
	}
	const elapsed = (Date.now() - started) / 1000;
	// Shims that appeared meanwhile count in full; that is what they cost.
	const engineNow = ticksOf([...new Set([...engine, ...enginePids(engineDir)])]);
	return {
		bytesPerSecond: ((terminal?.bytes ?? 0) - bytes0) / elapsed,
		cpuPercent: pid ? cpuPercent(ticks0, ticksOf(tree), elapsed) : 0,
		enginePercent: cpuPercent(engine0, engineNow, elapsed),
		rss,
		rssAnon,
	};
}
