import {existsSync, readFileSync} from 'node:fs';
import {totalmem} from 'node:os';
import {join} from 'node:path';
import {parseBlkio, parseIoStat, parseKeyValues, parseNetDev, parseNumber, parseProcCgroup, parseProcStat, type CgroupPaths} from '../domain/cgroup-parse.js';
import type {RawStats} from '../domain/stats-calc.js';

/** One container found on this machine: its init process and its cgroup. */
export type CgroupLocation = {
	id: string;
	pid: number;
	paths: CgroupPaths;
	/** True when the container shares the host's network namespace: its net/dev is the host's, and docker stats shows no network. */
	hostNetwork: boolean;
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
			return paths ? {id, pid, paths, hostNetwork} : undefined;
		},
		read(location) {
			const system = parseProcStat(read(join(procRoot, 'stat')));
			if (!system) throw new Error('unreadable /proc/stat');
			const {paths} = location;
			let totalUsage: number | undefined;
			let usage: number | undefined;
			let limit: number | undefined;
			let memoryStats: Record<string, number>;
			let blkio;
			let pids: number | undefined;
			let pidsLimit: number | undefined;
			if (paths.version === 2) {
				const dir = join(v2Root, paths.path);
				const usec = parseKeyValues(read(join(dir, 'cpu.stat')))['usage_usec'];
				totalUsage = usec === undefined ? undefined : usec * 1000;
				usage = parseNumber(read(join(dir, 'memory.current')));
				limit = parseNumber(read(join(dir, 'memory.max')));
				memoryStats = parseKeyValues(read(join(dir, 'memory.stat')));
				blkio = parseIoStat(read(join(dir, 'io.stat')));
				pids = parseNumber(read(join(dir, 'pids.current')));
				pidsLimit = parseNumber(read(join(dir, 'pids.max')));
			} else {
				totalUsage = parseNumber(read(join(cgroupRoot, 'cpuacct', paths.cpuacct, 'cpuacct.usage')));
				const memory = join(cgroupRoot, 'memory', paths.memory);
				usage = parseNumber(read(join(memory, 'memory.usage_in_bytes')));
				limit = parseNumber(read(join(memory, 'memory.limit_in_bytes')));
				memoryStats = parseKeyValues(read(join(memory, 'memory.stat')));
				// runc reads the CFQ file and, when it is empty (no CFQ scheduler), the throttle one.
				const blkioDir = join(cgroupRoot, 'blkio', paths.blkio);
				blkio = existsSync(join(blkioDir, 'blkio.io_service_bytes_recursive')) ? parseBlkio(read(join(blkioDir, 'blkio.io_service_bytes_recursive'))) : [];
				if (blkio.length === 0) blkio = parseBlkio(read(join(blkioDir, 'blkio.throttle.io_service_bytes_recursive')));
				pids = parseNumber(read(join(cgroupRoot, 'pids', paths.pids, 'pids.current')));
				pidsLimit = parseNumber(read(join(cgroupRoot, 'pids', paths.pids, 'pids.max')));
			}
			if (totalUsage === undefined || usage === undefined || pids === undefined) throw new Error('unreadable cgroup counters');
			const networks = location.hostNetwork ? undefined : parseNetDev(read(join(procRoot, String(location.pid), 'net', 'dev')));
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
