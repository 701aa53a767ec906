import {existsSync} from 'node:fs';
import {cgroupReader, type CgroupReaderOptions} from '../engine/cgroup-reader.js';
import type {Engine} from '../engine/engine.js';
import type {NamedTarget} from '../engine/targets.js';
import type {Store} from '../store/store.js';
import {CgroupStats, type CgroupStatsOptions} from './cgroup-stats.js';
import type {StatsOwner} from './stats-streams.js';

/**
 * The stats owner for one host: CgroupStats over `api` when the engine may be
 * on this machine (a unix socket, on Linux, with /proc and cgroups to read;
 * each container is still checked, see CgroupStats), else `api` alone. A
 * `source` of 'api' keeps the engine API everywhere.
 */
export function localStats(named: NamedTarget, engine: Engine, store: Store, api: StatsOwner, source?: string, options: CgroupStatsOptions & CgroupReaderOptions = {}): StatsOwner {
	const {cgroupRoot = '/sys/fs/cgroup', procRoot = '/proc'} = options;
	const local = named.target.kind === 'unix' && process.platform === 'linux' && existsSync(`${procRoot}/self/cgroup`) && existsSync(cgroupRoot);
	if (source === 'api' || !local) return api;
	return new CgroupStats(engine, store, api, cgroupReader({cgroupRoot, procRoot}), {host: named.name, ...options});
}
