/** One process of a container, as far as the engine's top told us. */
export type ProcessRow = {
	pid: string;
	user: string;
	/** %CPU as ps computes it (CPU time over lifetime); undefined when the engine did not give it. */
	cpu?: number;
	/** %MEM of the host's memory. */
	memory?: number;
	/** Resident set size in bytes. */
	rss?: number;
	/** Elapsed time since start, as ps prints it ("01:02:03", "2-03:04:05"). */
	elapsed?: string;
	/** Accumulated CPU time, as ps prints it. */
	time?: string;
	command: string;
};

/** The ps arguments we ask the engine for: everything the pane shows, in columns we can map. */
export const psArgs = '-o pid,user,pcpu,pmem,rss,etime,time,args';

const columnOf: Record<string, keyof ProcessRow> = {
	PID: 'pid',
	USER: 'user',
	UID: 'user',
	'%CPU': 'cpu',
	'%MEM': 'memory',
	RSS: 'rss',
	RSZ: 'rss',
	ELAPSED: 'elapsed',
	ETIME: 'elapsed',
	TIME: 'time',
	COMMAND: 'command',
	CMD: 'command',
	ARGS: 'command',
};

function number(text: string | undefined): number | undefined {
	if (text === undefined) return undefined;
	const value = Number.parseFloat(text);
	return Number.isFinite(value) ? value : undefined;
}

/**
 * Maps the engine's top answer (titles and rows of strings, whichever ps
 * columns it used) to process rows. Unknown columns are ignored; rows with
 * fewer cells than titles get what they have. RSS comes in KiB.
 */
export function processRows(titles: readonly string[], processes: readonly (readonly string[])[]): ProcessRow[] {
	const index = new Map<keyof ProcessRow, number>();
	titles.forEach((title, i) => {
		const field = columnOf[title.trim().toUpperCase()];
		if (field && !index.has(field)) index.set(field, i);
	});
	const cell = (row: readonly string[], field: keyof ProcessRow) => {
		const i = index.get(field);
		return i === undefined ? undefined : row[i];
	};
	return processes.map(row => {
		const rss = number(cell(row, 'rss'));
		return {
			pid: cell(row, 'pid') ?? '',
			user: cell(row, 'user') ?? '',
			cpu: number(cell(row, 'cpu')),
			memory: number(cell(row, 'memory')),
			rss: rss === undefined ? undefined : rss * 1024,
			elapsed: cell(row, 'elapsed'),
			time: cell(row, 'time'),
			command: (index.has('command') ? cell(row, 'command') : row.at(-1)) ?? '',
		};
	});
}

/** How the process list can be ordered. */
export type ProcessSort = 'cpu' | 'memory' | 'pid';

/** Sorts biggest CPU or memory first (PID ascending for `pid`); ties break on PID, so rows do not jump. */
export function sortProcesses(rows: readonly ProcessRow[], by: ProcessSort): ProcessRow[] {
	const pid = (row: ProcessRow) => Number.parseInt(row.pid, 10) || 0;
	const key = (row: ProcessRow) => by === 'cpu' ? (row.cpu ?? -1) : by === 'memory' ? (row.rss ?? row.memory ?? -1) : 0;
	return [...rows].sort((a, b) => key(b) - key(a) || pid(a) - pid(b));
}
