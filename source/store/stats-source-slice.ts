import type {AppState, StatsSourceName} from './state.js';

/** Records where a host's stats come from; the same state when unchanged. */
export function setStatsSource(state: AppState, host: string | undefined, source: StatsSourceName): AppState {
	const key = host ?? '';
	if (state.statsSources?.[key] === source) return state;
	return {...state, statsSources: {...state.statsSources, [key]: source}};
}

const labels: Record<StatsSourceName, string> = {cgroup: 'cgroup files', api: 'engine API', mixed: 'cgroup files and engine API'};

/** "Stats from cgroup files" (one host) or "Stats: web cgroup files, db engine API" (several), for the help screen. */
export function statsSourceLine(state: Pick<AppState, 'statsSources' | 'hosts'>): string {
	const names = Object.keys(state.hosts ?? {});
	const sources = state.statsSources ?? {};
	if (names.length <= 1) {
		const source = sources[names[0] ?? ''] ?? sources[''] ?? 'api';
		return `Stats from ${labels[source]}`;
	}
	return `Stats: ${names.map(name => `${name} ${labels[sources[name] ?? 'api']}`).join(', ')}`;
}
