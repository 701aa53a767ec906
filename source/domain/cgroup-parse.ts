import type {RawBlkioEntry, RawNetworkStats} from './stats-calc.js';

/*
 * Pure parsers for the files a container's figures can be read from on the
 * engine's own host: /proc/<pid>/cgroup, the cgroup v1 and v2 controller
 * files, /proc/stat and /proc/<pid>/net/dev. They return the pieces of the
 * Engine API stats JSON that dockerd builds from the same files, so
 * stats-calc does the arithmetic `docker stats` does on either source.
 */

/** Where one container's cgroup lives: the v2 path, or the v1 path per controller. */
export type CgroupPaths =
	| {version: 2; path: string}
	| {version: 1; cpuacct: string; memory: string; blkio: string; pids: string};

/**
 * Reads /proc/<pid>/cgroup. A v1 hierarchy is used when the memory, cpuacct,
 * blkio and pids controllers all have one; otherwise the v2 line (`0::path`).
 * Undefined when neither names the container: a pid of another machine or
 * namespace, reused by a process that is not this container.
 */
export function parseProcCgroup(text: string, containerId: string): CgroupPaths | undefined {
	const v1 = new Map<string, string>();
	let v2: string | undefined;
	for (const line of text.split('\n')) {
		const first = line.indexOf(':');
		const second = line.indexOf(':', first + 1);
		if (first < 0 || second < 0) continue;
		const controllers = line.slice(first + 1, second);
		const path = line.slice(second + 1);
		if (line.slice(0, first) === '0' && controllers === '') v2 = path;
		for (const name of controllers.split(',')) if (name) v1.set(name, path);
	}
	const names = (path: string | undefined): path is string => path !== undefined && path.includes(containerId);
	const [cpuacct, memory, blkio, pids] = ['cpuacct', 'memory', 'blkio', 'pids'].map(name => v1.get(name));
	if (names(cpuacct) && names(memory) && names(blkio) && names(pids)) return {version: 1, cpuacct, memory, blkio, pids};
	if (names(v2)) return {version: 2, path: v2};
	return undefined;
}

/** `key value` lines (memory.stat, cpu.stat) as numbers; lines that are not two fields or not numbers are left out. */
export function parseKeyValues(text: string): Record<string, number> {
	const out: Record<string, number> = {};
	for (const line of text.split('\n')) {
		const [key, value, extra] = line.trim().split(/\s+/);
		if (!key || value === undefined || extra !== undefined) continue;
		const number = Number(value);
		if (Number.isFinite(number)) out[key] = number;
	}
	return out;
}

/**
 * What parseKeyValues gives for `keys` alone: each key's line found with
 * indexOf, not every line split. memory.stat is some 40 lines, read for
 * each container at each stats tick, and one of its keys is used.
 */
export function pickKeyValues(text: string, keys: readonly string[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const key of keys) {
		// The last line of the key, as parseKeyValues keeps it.
		const found = text.lastIndexOf(`\n${key} `);
		const start = found >= 0 ? found + 1 : text.startsWith(`${key} `) ? 0 : -1;
		if (start < 0) continue;
		const end = text.indexOf('\n', start);
		const value = parseKeyValues(text.slice(start, end < 0 ? text.length : end))[key];
		if (value !== undefined) out[key] = value;
	}
	return out;
}

/** A single-number file (memory.current, pids.current, cpuacct.usage); `max` and garbage give undefined. */
export function parseNumber(text: string): number | undefined {
	const trimmed = text.trim();
	if (!/^\d+$/.test(trimmed)) return undefined;
	return Number(trimmed);
}

/**
 * cgroup v2 io.stat (`8:0 rbytes=1 wbytes=2 rios=3 ...`) as the entries
 * dockerd reports: rbytes as "read", wbytes as "write", per device.
 */
export function parseIoStat(text: string): RawBlkioEntry[] {
	const entries: RawBlkioEntry[] = [];
	for (const line of text.split('\n')) {
		const [device, ...fields] = line.trim().split(/\s+/);
		const [major, minor] = (device ?? '').split(':').map(Number);
		if (!Number.isInteger(major) || !Number.isInteger(minor)) continue;
		for (const field of fields) {
			const [key, value] = field.split('=');
			const op = key === 'rbytes' ? 'read' : key === 'wbytes' ? 'write' : undefined;
			if (op && value !== undefined && Number.isFinite(Number(value))) entries.push({major, minor, op, value: Number(value)});
		}
	}
	return entries;
}

/** cgroup v1 blkio.*io_service_bytes_recursive (`8:0 Read 4096`; a last `Total 4096`) as entries. */
export function parseBlkio(text: string): RawBlkioEntry[] {
	const entries: RawBlkioEntry[] = [];
	for (const line of text.split('\n')) {
		const [device, op, value] = line.trim().split(/\s+/);
		const [major, minor] = (device ?? '').split(':').map(Number);
		if (!op || value === undefined || !Number.isInteger(major) || !Number.isInteger(minor)) continue;
		if (Number.isFinite(Number(value))) entries.push({major, minor, op, value: Number(value)});
	}
	return entries;
}

/**
 * Host CPU time the way dockerd reads it from /proc/stat (getSystemCPUUsage):
 * the `cpu` line's first seven fields (user to softirq; not steal) in
 * nanoseconds, and the count of `cpuN` lines.
 */
export function parseProcStat(text: string, clockTicks = 100): {systemUsage: number; onlineCpus: number} | undefined {
	let systemUsage: number | undefined;
	let onlineCpus = 0;
	for (const line of text.split('\n')) {
		if (line.startsWith('cpu ')) {
			const fields = line.trim().split(/\s+/).slice(1, 8).map(Number);
			if (fields.length < 7 || fields.some(field => !Number.isFinite(field))) return undefined;
			const ticks = fields.reduce((sum, field) => sum + field, 0);
			systemUsage = ticks * (1e9 / clockTicks);
		} else if (/^cpu\d/.test(line)) {
			onlineCpus += 1;
		}
	}
	return systemUsage === undefined ? undefined : {systemUsage, onlineCpus: Math.max(1, onlineCpus)};
}

/**
 * /proc/<pid>/net/dev as the per-interface counters of the stats JSON. The
 * loopback is left out, as dockerd counts only the container's endpoints.
 */
export function parseNetDev(text: string): Record<string, RawNetworkStats> {
	const networks: Record<string, RawNetworkStats> = {};
	for (const line of text.split('\n')) {
		const colon = line.indexOf(':');
		if (colon < 0) continue;
		const name = line.slice(0, colon).trim();
		const fields = line.slice(colon + 1).trim().split(/\s+/).map(Number);
		if (!name || name === 'lo' || fields.length < 16 || fields.some(field => !Number.isFinite(field))) continue;
		networks[name] = {
			rx_bytes: fields[0], rx_packets: fields[1], rx_errors: fields[2], rx_dropped: fields[3],
			tx_bytes: fields[8], tx_packets: fields[9], tx_errors: fields[10], tx_dropped: fields[11],
		};
	}
	return networks;
}
