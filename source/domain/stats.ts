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
