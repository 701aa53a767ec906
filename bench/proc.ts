import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';

/*
 * Reads CPU time and memory of processes from /proc (Linux only), the way
 * top does: utime + stime from /proc/<pid>/stat, in clock ticks.
 */

/** Clock ticks per second (USER_HZ), for turning /proc ticks into seconds. */
export const clockTicks = (() => {
	try {
		return Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).trim()) || 100;
	} catch {
		return 100;
	}
})();

type Stat = {pid: number; ppid: number; comm: string; ticks: number};

function readStat(pid: number): Stat | undefined {
	try {
		const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const close = text.lastIndexOf(')');
		const comm = text.slice(text.indexOf('(') + 1, close);
		// Fields after the command name start at field 3 (state); utime is field 14, stime 15.
		const fields = text.slice(close + 2).split(' ');
		return {pid, ppid: Number(fields[1]), comm, ticks: Number(fields[11]) + Number(fields[12])};
	} catch {
		return undefined; // The process is gone.
	}
}

function allPids(): number[] {
	return readdirSync('/proc').filter(name => /^\d+$/.test(name)).map(Number);
}

/** The pid and every descendant of it. */
export function processTree(root: number): number[] {
	const children = new Map<number, number[]>();
	for (const pid of allPids()) {
		const stat = readStat(pid);
		if (!stat) continue;
		const list = children.get(stat.ppid) ?? [];
		list.push(pid);
		children.set(stat.ppid, list);
	}
	const tree: number[] = [];
	const queue = [root];
	while (queue.length > 0) {
		const pid = queue.shift()!;
		tree.push(pid);
		queue.push(...(children.get(pid) ?? []));
	}
	return tree;
}

/** CPU ticks used so far by each of the given processes (those still alive). */
export function ticksOf(pids: number[]): Map<number, number> {
	const ticks = new Map<number, number>();
	for (const pid of pids) {
		const stat = readStat(pid);
		if (stat) ticks.set(pid, stat.ticks);
	}
	return ticks;
}

/**
 * Percent of one core used between two readings: processes present in both
 * count their difference, processes that appeared count all they used.
 */
export function cpuPercent(before: Map<number, number>, after: Map<number, number>, seconds: number): number {
	let ticks = 0;
	for (const [pid, now] of after) ticks += now - (before.get(pid) ?? 0);
	return (ticks / clockTicks / seconds) * 100;
}

/**
 * Resident and peak resident memory of one process, and its private part
 * (RssAnon: what the host pays for, without the binary's file-backed pages), in bytes.
 */
export function memoryOf(pid: number): {rss: number; peak: number; rssAnon: number} {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0) * 1024;
		return {rss: kb('VmRSS'), peak: kb('VmHWM'), rssAnon: kb('RssAnon')};
	} catch {
		return {rss: 0, peak: 0, rssAnon: 0};
	}
}

/**
 * The engine's processes: dockerd (from its pid file), its containerd, and
 * every containerd-shim serving that containerd. Other engines on the host
 * are left out by matching the private engine's directory in the command line.
 */
export function enginePids(engineDir: string): number[] {
	const pids: number[] = [];
	let dockerd = 0;
	try {
		dockerd = Number(readFileSync(`${engineDir}/docker.pid`, 'utf8').trim());
	} catch {
		// No pid file: fall back to matching command lines below.
	}
	for (const pid of allPids()) {
		const stat = readStat(pid);
		if (!stat) continue;
		const isEngine = stat.comm === 'dockerd' || stat.comm === 'containerd' || stat.comm.startsWith('containerd-shim');
		if (!isEngine) continue;
		if (pid === dockerd || (dockerd && stat.ppid === dockerd) || commandLine(pid).includes(engineDir)) pids.push(pid);
	}
	return pids;
}

function commandLine(pid: number): string {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
	} catch {
		return '';
	}
}
