import {existsSync, readFileSync} from 'node:fs';
import {totalmem} from 'node:os';
import {join} from 'node:path';
import {parseBlkio, parseIoStat, parseNetDev, parseNumber, parseProcCgroup, parseProcStat, pickKeyValues, type CgroupPaths} from '../domain/cgroup-parse.js';
import type {RawStats} from '../domain/stats-calc.js';

/** One container found on this machine: its init process and its cgroup, and the files read for it. */
export type CgroupLocation = {
	id: string;
	pid: number;
	paths: CgroupPaths;
	/** True when the container shares the host's network namespace: its net/dev is the host's, and docker stats shows no network. */
	hostNetwork: boolean;
	/** The files read at each tick, joined once (a path.join per file per tick was a tenth of what a steady minute allocated). */
	files: CgroupFiles;
};

type CgroupFiles = {
	cpu: string;
	memoryUsage: string;
	memoryLimit: string;
	memoryStat: string;
	/** v2's io.stat; v1's CFQ file, then the throttle one when the first is absent or empty. */
	io: string;
	ioThrottle?: string;
	pids: string;
	pidsLimit: string;
	netDev: string;
};

/** Reads containers' figures from their cgroup files instead of asking the engine. */
export type CgroupReader = {
	/** Finds the container's cgroup from its init pid; undefined when that pid is not this container here. */
	locate(id: string, pid: number, hostNetwork: boolean): CgroupLocation | undefined;
	/** One reading in the shape of the Engine API stats JSON; throws on any file it cannot read. */
	read(location: CgroupLocation): RawStats;
};

/** Where the files are; tests point `cgroupRoot` at a folder the cgroup is not in, to see the fallback. */
export type CgroupReaderOptions = {cgroupRoot?: string; procRoot?: string};

const read = (path: string): string => readFileSync(path, 'utf8');
// Of memory.stat, what the memory figure uses (domain/stats-calc.ts's computeMemoryUsage); of cpu.stat, the usage.
const memoryKeys = ['inactive_file', 'total_inactive_file'];
const cpuKeys = ['usage_usec'];

/**
 * Reads the files dockerd itself reads for `/containers/{id}/stats`
 * (runc's cgroup managers and /proc/stat), which costs the engine nothing.
 * Synchronous reads: these are small kernel files answered from memory, and a
 * promise per file would cost more than the read.
 */
export function cgroupReader({cgroupRoot = '/sys/fs/cgroup', procRoot = '/proc'}: CgroupReaderOptions = {}): CgroupReader {
	// Unified hierarchy at the root, or (hybrid hosts) under unified/.
	const v2Root = existsSync(join(cgroupRoot, 'cgroup.controllers')) ? cgroupRoot : join(cgroupRoot, 'unified');
	const machineMemory = totalmem();
	const limitOf = (limit: number | undefined): number => limit !== undefined && limit < machineMemory ? limit : machineMemory;
	const filesOf = (paths: CgroupPaths, pid: number): CgroupFiles => {
		const netDev = join(procRoot, String(pid), 'net', 'dev');
		if (paths.version === 2) {
			const dir = join(v2Root, paths.path);
			return {cpu: join(dir, 'cpu.stat'), memoryUsage: join(dir, 'memory.current'), memoryLimit: join(dir, 'memory.max'), memoryStat: join(dir, 'memory.stat'), io: join(dir, 'io.stat'), pids: join(dir, 'pids.current'), pidsLimit: join(dir, 'pids.max'), netDev};
		}
		const memory = join(cgroupRoot, 'memory', paths.memory);
		const blkio = join(cgroupRoot, 'blkio', paths.blkio);
		const pids = join(cgroupRoot, 'pids', paths.pids);
		return {
			cpu: join(cgroupRoot, 'cpuacct', paths.cpuacct, 'cpuacct.usage'),
			memoryUsage: join(memory, 'memory.usage_in_bytes'),
			memoryLimit: join(memory, 'memory.limit_in_bytes'),
			memoryStat: join(memory, 'memory.stat'),
			io: join(blkio, 'blkio.io_service_bytes_recursive'),
			ioThrottle: join(blkio, 'blkio.throttle.io_service_bytes_recursive'),
			pids: join(pids, 'pids.current'),
			pidsLimit: join(pids, 'pids.max'),
			netDev,
		};
	};
	const procStat = join(procRoot, 'stat');
	return {
		locate(id, pid, hostNetwork) {
			if (!Number.isInteger(pid) || pid <= 0) return undefined;
			let text: string;
			try {
				text = read(join(procRoot, String(pid), 'cgroup'));
			} catch {
				return undefined;
			}
			const paths = parseProcCgroup(text, id);
			return paths ? {id, pid, paths, hostNetwork, files: filesOf(paths, pid)} : undefined;
		},
		read(location) {
			const system = parseProcStat(read(procStat));
			if (!system) throw new Error('unreadable /proc/stat');
			const {paths, files} = location;
			let totalUsage: number | undefined;
			let blkio;
			if (paths.version === 2) {
				const usec = pickKeyValues(read(files.cpu), cpuKeys)['usage_usec'];
				totalUsage = usec === undefined ? undefined : usec * 1000;
				blkio = parseIoStat(read(files.io));
			} else {
				totalUsage = parseNumber(read(files.cpu));
				// runc reads the CFQ file and, when it is empty (no CFQ scheduler), the throttle one.
				blkio = existsSync(files.io) ? parseBlkio(read(files.io)) : [];
				if (blkio.length === 0) blkio = parseBlkio(read(files.ioThrottle!));
			}
			const usage = parseNumber(read(files.memoryUsage));
			const limit = parseNumber(read(files.memoryLimit));
			const memoryStats = pickKeyValues(read(files.memoryStat), memoryKeys);
			const pids = parseNumber(read(files.pids));
			const pidsLimit = parseNumber(read(files.pidsLimit));
			if (totalUsage === undefined || usage === undefined || pids === undefined) throw new Error('unreadable cgroup counters');
			const networks = location.hostNetwork ? undefined : parseNetDev(read(files.netDev));
			return {
				read: new Date().toISOString(),
				preread: '0001-01-01T00:00:00Z',
				pids_stats: {current: pids, ...(pidsLimit === undefined ? {} : {limit: pidsLimit})},
				blkio_stats: {io_service_bytes_recursive: blkio},
				cpu_stats: {cpu_usage: {total_usage: totalUsage}, system_cpu_usage: system.systemUsage, online_cpus: system.onlineCpus},
				memory_stats: {usage, limit: limitOf(limit), stats: memoryStats},
				networks,
				id: location.id,
			};
		},
	};
}
