import type {StatsSample} from './stats.js';

/*
 * The arithmetic `docker stats` does, after docker/cli
 * cli/command/container/stats_helpers.go (calculateCPUPercentUnix,
 * calculateMemUsageUnixNoCache, calculateMemPercentUnixNoCache,
 * calculateBlockIO, calculateNetwork). Pure functions over the Engine API
 * stats JSON; nothing here talks to the engine.
 */

/** CPU counters as the engine reports them under `cpu_stats` and `precpu_stats`. */
export type RawCpuStats = {
	cpu_usage?: {
		/** Nanoseconds of CPU time used by the container, cumulative. */
		total_usage?: number;
		/** Per-core usage; cgroup v1 only, absent on cgroup v2. */
		percpu_usage?: number[] | null;
		usage_in_kernelmode?: number;
		usage_in_usermode?: number;
	} | null;
	/** Host CPU time in nanoseconds, cumulative; absent in the first frame's precpu. */
	system_cpu_usage?: number;
	online_cpus?: number;
};

/** One row of `blkio_stats.io_service_bytes_recursive`. */
export type RawBlkioEntry = {
	major?: number;
	minor?: number;
	/** "Read", "Write", "Sync", "Async", "Discard", "Total" on cgroup v1; "read", "write" on v2. */
	op?: string;
	value?: number;
};

/** Counters for one network interface under `networks`. */
export type RawNetworkStats = {
	rx_bytes?: number;
	tx_bytes?: number;
	rx_packets?: number;
	tx_packets?: number;
	rx_errors?: number;
	tx_errors?: number;
	rx_dropped?: number;
	tx_dropped?: number;
};

/**
 * The subset of the Engine API stats JSON (`GET /containers/{id}/stats`) we
 * read. Typed loosely: dockerd omits or nulls parts of it depending on the
 * cgroup version, network mode and host.
 */
export type RawStats = {
	/** RFC 3339 time of this read, with nanoseconds. */
	read: string;
	/** Time of the previous read; "0001-01-01T00:00:00Z" in a stream's first frame. */
	preread?: string;
	pids_stats?: {current?: number; limit?: number} | null;
	blkio_stats?: {
		io_service_bytes_recursive?: RawBlkioEntry[] | null;
	} | null;
	cpu_stats?: RawCpuStats | null;
	precpu_stats?: RawCpuStats | null;
	memory_stats?: {
		usage?: number;
		max_usage?: number;
		limit?: number;
		/** Raw cgroup memory.stat: `total_*` keys on v1, `anon`/`file`/`inactive_file` on v2. */
		stats?: Record<string, number> | null;
	} | null;
	/** Absent when the container has no network (e.g. `--network none`). */
	networks?: Record<string, RawNetworkStats> | null;
	name?: string;
	id?: string;
};

/** The two cumulative CPU counters needed to compute the next CPU percentage. */
export type CpuBase = {totalUsage: number; systemUsage: number};

/** Reads the CPU counters of a sample, to pass as `prev` next time when polling one-shot. */
export function cpuBase(raw: RawStats): CpuBase {
	return {
		totalUsage: raw.cpu_stats?.cpu_usage?.total_usage ?? 0,
		systemUsage: raw.cpu_stats?.system_cpu_usage ?? 0,
	};
}

/**
 * True when a frame carries the engine's previous reading in `precpu_stats`.
 * A stream's first frame and a one-shot reading do not: Docker leaves precpu
 * empty, Podman leaves `preread` at the zero time (and may still fill some
 * precpu counters), so both are checked.
 */
export function hasPreviousReading(raw: RawStats): boolean {
	if (raw.preread !== undefined && (raw.preread === '' || raw.preread.startsWith('0001-'))) return false;
	return (raw.precpu_stats?.system_cpu_usage ?? 0) > 0;
}

/**
 * CPU use in percent of one core, as `docker stats` shows it. Compares against
 * `precpu_stats`, or against `prev` when given (one-shot polling keeps its own
 * previous sample). 0 when there is no previous reading (a stream's first
 * frame or a one-shot, see hasPreviousReading) and when either delta is not positive.
 */
export function computeCpuPercent(cur: RawStats, prev?: CpuBase): number {
	const base = prev ?? (hasPreviousReading(cur) ? {
		totalUsage: cur.precpu_stats?.cpu_usage?.total_usage ?? 0,
		systemUsage: cur.precpu_stats?.system_cpu_usage ?? 0,
	} : undefined);
	// No base: docker/cli would divide by the host's whole uptime here and
	// show a lifetime average; 0 says "not known yet" more honestly.
	if (!base || !(base.systemUsage > 0)) {
		return 0;
	}

	const now = cpuBase(cur);
	const cpuDelta = now.totalUsage - base.totalUsage;
	const systemDelta = now.systemUsage - base.systemUsage;
	// docker/cli falls back to len(percpu_usage) and would then yield 0 on
	// cgroup v2 (no percpu); counting one CPU is the lesser surprise.
	const onlineCpus = cur.cpu_stats?.online_cpus
		|| cur.cpu_stats?.cpu_usage?.percpu_usage?.length
		|| 1;
	if (cpuDelta > 0 && systemDelta > 0) {
		return (cpuDelta / systemDelta) * onlineCpus * 100;
	}

	return 0;
}

/**
 * Memory in use less the inactive file cache, the way docker/cli does it:
 * cgroup v1 subtracts `total_inactive_file` when present and smaller than
 * usage; otherwise (cgroup v2, or v1 with too big a value) `inactive_file`
 * when smaller than usage.
 */
export function computeMemoryUsage(raw: RawStats): number {
	const usage = raw.memory_stats?.usage ?? 0;
	const stats = raw.memory_stats?.stats ?? {};
	const v1 = stats['total_inactive_file'];
	if (v1 !== undefined && v1 < usage) {
		return usage - v1;
	}

	const v2 = stats['inactive_file'] ?? 0;
	if (v2 < usage) {
		return usage - v2;
	}

	return usage;
}

/** Part of the limit in use, in percent; 0 when the limit is unknown (stopped container). */
export function memoryPercent(usage: number, limit: number): number {
	return limit > 0 ? (usage / limit) * 100 : 0;
}

/** Cumulative bytes received and sent, summed over every interface. */
export function computeNetwork(raw: RawStats): {rx: number; tx: number} {
	let rx = 0;
	let tx = 0;
	for (const net of Object.values(raw.networks ?? {})) {
		rx += net?.rx_bytes ?? 0;
		tx += net?.tx_bytes ?? 0;
	}

	return {rx, tx};
}

/**
 * Cumulative block bytes read and written, summed over devices. Only the
 * "read" and "write" ops count (any case: v1 says "Read", v2 "read"); "Sync",
 * "Async", "Discard" and "Total" would count the same bytes again.
 */
export function computeBlockIo(raw: RawStats): {read: number; write: number} {
	let read = 0;
	let write = 0;
	for (const entry of raw.blkio_stats?.io_service_bytes_recursive ?? []) {
		const op = entry?.op?.toLowerCase();
		if (op === 'read') {
			read += entry.value ?? 0;
		} else if (op === 'write') {
			write += entry.value ?? 0;
		}
	}

	return {read, write};
}

/** Turns one raw engine stats frame into the sample the store keeps. */
export function computeSample(raw: RawStats, prev?: CpuBase): StatsSample {
	const memoryUsage = computeMemoryUsage(raw);
	const memoryLimit = raw.memory_stats?.limit ?? 0;
	const net = computeNetwork(raw);
	const block = computeBlockIo(raw);
	return {
		time: Date.parse(raw.read),
		cpuPercent: computeCpuPercent(raw, prev),
		memoryUsage,
		memoryLimit,
		memoryPercent: memoryPercent(memoryUsage, memoryLimit),
		netRx: net.rx,
		netTx: net.tx,
		blockRead: block.read,
		blockWrite: block.write,
		pids: raw.pids_stats?.current || 0,
	};
}

/**
 * Bytes per second between two readings of a cumulative counter (times in
 * epoch ms). 0 when time does not advance (or is NaN) and when the counter
 * went backwards, which means the container restarted and its counters reset.
 */
export function rate(prevValue: number, prevTime: number, value: number, time: number): number {
	const seconds = (time - prevTime) / 1000;
	if (!(seconds > 0) || !(value >= prevValue)) {
		return 0;
	}

	return (value - prevValue) / seconds;
}
