import {Ring} from '../domain/ring.js';
import {rate} from '../domain/stats-calc.js';
import type {StatsSample} from '../domain/stats.js';
import type {AppState, StatsEntry} from './state.js';

/** How many samples of history each container keeps: two minutes at one a second. */
export const historyCapacity = 120;

/** Adds a stats sample; the history ring is shared between entries and mutated in place. */
export function pushStats(state: AppState, id: string, sample: StatsSample): AppState {
	return pushStatsMany(state, [[id, sample]]);
}

/** Adds a second's samples of many containers in one copy of the stats map. */
export function pushStatsMany(state: AppState, samples: ReadonlyArray<readonly [string, StatsSample]>): AppState {
	let stats: Map<string, StatsEntry> | undefined;
	for (const [id, sample] of samples) {
		if (!state.containers.has(id)) continue;
		stats ??= new Map(state.stats);
		stats.set(id, nextEntry(stats.get(id), sample));
	}
	return stats ? {...state, stats} : state;
}

function nextEntry(previous: StatsEntry | undefined, sample: StatsSample): StatsEntry {
	const history = previous?.history ?? new Ring<StatsSample>(historyCapacity);
	const before = previous?.latest;
	history.push(sample);
	const entry: StatsEntry = {
		latest: sample,
		netRxRate: before ? rate(before.netRx, before.time, sample.netRx, sample.time) : 0,
		netTxRate: before ? rate(before.netTx, before.time, sample.netTx, sample.time) : 0,
		blockReadRate: before ? rate(before.blockRead, before.time, sample.blockRead, sample.time) : 0,
		blockWriteRate: before ? rate(before.blockWrite, before.time, sample.blockWrite, sample.time) : 0,
		history,
		version: (previous?.version ?? 0) + 1,
	};
	return entry;
}

/** Forgets a container's live figures (it stopped), keeping nothing stale on screen. */
export function clearStats(state: AppState, id: string): AppState {
	if (!state.stats.has(id)) return state;
	const stats = new Map(state.stats);
	stats.delete(id);
	return {...state, stats};
}
