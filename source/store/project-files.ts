import {composeDrift, type ProjectDrift} from '../domain/compose-file.js';
import type {AppState, ProjectFiles} from './state.js';

/** Sets what was read of each project's files; `present` drops projects no longer on the engine. */
export function setProjectFiles(state: AppState, read: ReadonlyMap<string, ProjectFiles>, present: ReadonlySet<string>): AppState {
	const before = state.projectFiles ?? {};
	const kept = Object.entries(before).filter(([name]) => present.has(name) && !read.has(name));
	if (read.size === 0 && kept.length === Object.keys(before).length) return state;
	return {...state, projectFiles: Object.fromEntries([...kept, ...read])};
}

/**
 * A project's drift, against all of its containers on the engine (not only
 * those the filter shows: a filtered-out service is not missing).
 */
export function projectDrift(state: AppState, project: string): ProjectDrift {
	const files = state.projectFiles?.[project];
	if (!files) return {kind: 'unknown'};
	if ('error' in files) return {kind: 'unreadable', files: files.files, error: files.error};
	const rows = [...state.containers.values()].filter(row => row.composeProject === project);
	return {kind: 'read', files: files.files, services: files.services, drift: composeDrift(files.services, rows, files.optional)};
}

let memo: {containers: unknown; files: unknown; drifts: ReadonlyMap<string, ProjectDrift>} | undefined;

/** Every project's drift (memoized on the containers and the files read, so safe in a store hook). */
export function selectDrifts(state: AppState): ReadonlyMap<string, ProjectDrift> {
	if (memo && memo.containers === state.containers && memo.files === state.projectFiles) return memo.drifts;
	const drifts = new Map(Object.keys(state.projectFiles ?? {}).map(project => [project, projectDrift(state, project)]));
	memo = {containers: state.containers, files: state.projectFiles, drifts};
	return drifts;
}
