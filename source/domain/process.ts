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

/**
 * The same in Podman's own descriptors (no dash): Podman reads /proc itself
 * for these, where for ps arguments it runs the container's ps, which a
 * small image may not have or may not understand (busybox ignores -o, and
 * Podman 4 then answers with nothing at all). It has no rss or pmem.
 */
export const podmanPsArgs = 'pid,user,pcpu,etime,time,args';

/** What to ask top for, in order: our ps columns, Podman's descriptors, then the engine's default. */
export const psArgsChoices: ReadonlyArray<string | undefined> = [psArgs, podmanPsArgs, undefined];

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
export function processRows(rawTitles: readonly string[], rawProcesses: readonly (readonly string[])[]): ProcessRow[] {
	const {titles, processes} = splitColumns(rawTitles, rawProcesses);
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
			elapsed: psDuration(cell(row, 'elapsed')),
			time: psDuration(cell(row, 'time')),
			command: (index.has('command') ? cell(row, 'command') : row.at(-1)) ?? '',
		};
	});
}

/**
 * Podman 4 answers top with its container's ps output unsplit: one title
 * string ("PID   USER     COMMAND") and one string per process. Splits them
 * at runs of spaces, the last column taking the rest of the line (a command
 * has spaces). Answers already in columns pass through.
 */
function splitColumns(titles: readonly string[], processes: readonly (readonly string[])[]): {titles: readonly string[]; processes: readonly (readonly string[])[]} {
	const words = titles.length === 1 ? titles[0]!.trim().split(/\s+/) : [];
	if (words.length < 2 || !processes.every(row => row.length === 1)) return {titles, processes};
	return {
		titles: words,
		processes: processes.map(([line = '']) => {
			const cells: string[] = [];
			let rest = line.trim();
			while (cells.length < words.length - 1) {
				const match = /^(\S+)\s*/.exec(rest);
				if (!match) break;
				cells.push(match[1]!);
				rest = rest.slice(match[0].length);
			}
			return [...cells, rest];
		}),
	};
}

/** Seconds in each unit Go's time.Duration prints. */
const goUnits: Record<string, number> = {h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, '\u00b5s': 1e-6, '\u03bcs': 1e-6, ns: 1e-9};

/**
 * Podman gives elapsed and CPU times as Go durations ("27.846667859s",
 * "1h2m3.5s", and under a second "621.4ms", "1.5us" (µ or u), "500ns"); ps prints
 * [[dd-]hh:]mm:ss. Turns the first into the second; anything else passes through.
 */
export function psDuration(text: string | undefined): string | undefined {
	if (text === undefined || !/^(?:[\d.]+(?:h|ms|us|\u00b5s|\u03bcs|ns|m|s))+$/.test(text)) return text;
	let seconds = 0;
	let last = Infinity;
	for (const [, number, unit] of text.matchAll(/([\d.]+)(h|ms|us|\u00b5s|\u03bcs|ns|m|s)/g)) {
		const scale = goUnits[unit!]!;
		const value = Number(number);
		// Units only ever go down (1h2m3s); "1h2h" or "1.2.3s" is not a duration.
		if (scale >= last || !Number.isFinite(value)) return text;
		last = scale;
		seconds += value * scale;
	}
	const total = Math.floor(seconds);
	const two = (n: number) => String(n).padStart(2, '0');
	const days = Math.floor(total / 86_400);
	const hours = Math.floor(total / 3600) % 24;
	const clock = `${two(Math.floor(total / 60) % 60)}:${two(total % 60)}`;
	if (days > 0) return `${days}-${two(hours)}:${clock}`;
	return hours > 0 ? `${two(hours)}:${clock}` : clock;
}

/** How the process list can be ordered. */
export type ProcessSort = 'cpu' | 'memory' | 'pid';

/** Sorts biggest CPU or memory first (PID ascending for `pid`); ties break on PID, so rows do not jump. */
export function sortProcesses(rows: readonly ProcessRow[], by: ProcessSort): ProcessRow[] {
	const pid = (row: ProcessRow) => Number.parseInt(row.pid, 10) || 0;
	const key = (row: ProcessRow) => by === 'cpu' ? (row.cpu ?? -1) : by === 'memory' ? (row.rss ?? row.memory ?? -1) : 0;
	return [...rows].sort((a, b) => key(b) - key(a) || pid(a) - pid(b));
}
