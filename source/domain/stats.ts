/** One computed stats sample for a container, in the units `docker stats` shows. */
export type StatsSample = {
	/** Epoch milliseconds of the engine's read. */
	time: number;
	/** CPU use in percent of one core (can exceed 100 on multi-core hosts), as docker stats shows it. */
	cpuPercent: number;
	/** Memory in use, less inactive file cache, in bytes. */
	memoryUsage: number;
	/** Memory limit in bytes (the host's memory when unlimited). */
	memoryLimit: number;
	/** memoryUsage / memoryLimit * 100. */
	memoryPercent: number;
	/** Cumulative bytes received over all interfaces. */
	netRx: number;
	/** Cumulative bytes sent over all interfaces. */
	netTx: number;
	/** Cumulative bytes read from block devices. */
	blockRead: number;
	/** Cumulative bytes written to block devices. */
	blockWrite: number;
	pids: number;
};

/** Below this CPU use (percent of a core) a container counts as quiet. */
const quietCpuPercent = 0.5;

/**
 * True when a container did next to nothing between two samples: CPU under
 * half a percent, memory moved by less than 1 MiB or 1%, no network or disk
 * traffic, the same number of processes.
 */
export function isQuiet(previous: StatsSample, sample: StatsSample): boolean {
	const memoryMoved = Math.abs(sample.memoryUsage - previous.memoryUsage);
	return sample.cpuPercent < quietCpuPercent
		&& (memoryMoved < 1024 * 1024 || memoryMoved < previous.memoryUsage * 0.01)
		&& sample.netRx === previous.netRx
		&& sample.netTx === previous.netTx
		&& sample.blockRead === previous.blockRead
		&& sample.blockWrite === previous.blockWrite
		&& sample.pids === previous.pids;
}
