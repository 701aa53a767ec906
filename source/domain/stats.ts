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

/** Quiet samples in a row: since when (the engine's time of the sample before the first quiet one), and how many. */
export type CalmRun = {since: number; count: number};

/** The calm run after `sample`: one longer when it is quiet, none when it moved. */
export function extendCalm(run: CalmRun | undefined, previous: StatsSample, sample: StatsSample): CalmRun | undefined {
	if (!isQuiet(previous, sample)) return undefined;
	return run ? {since: run.since, count: run.count + 1} : {since: previous.time, count: 1};
}

/**
 * True when a calm run has lasted `afterMs` of the engine's own time, over at
 * least two samples. Time, not a count of samples: Docker streams a frame a
 * second and Podman one every five, so ten samples would be 50 s on Podman.
 */
export function calmLongEnough(run: CalmRun, sample: StatsSample, afterMs: number): boolean {
	return run.count >= 2 && sample.time - run.since >= afterMs;
}
