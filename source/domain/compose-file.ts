import {isAbsolute, join} from 'node:path';
import {composeLabels, serviceOf} from './compose.js';
import type {ContainerRow} from './container.js';

/** A project's compose files as its labels name them, relative ones taken from its working_dir. */
export function configFiles(labels: Record<string, string>): string[] {
	const dir = labels[composeLabels.workingDir] ?? '';
	return (labels[composeLabels.configFiles] ?? '').split(',').map(each => each.trim()).filter(each => each !== '').map(each => (isAbsolute(each) || dir === '' ? each : join(dir, each)));
}

/** The compose verbs Porthole offers when a compose binary exists. */
export type ComposeVerb = 'up' | 'down';

/**
 * The argv of `compose up -d` or `down` for a project, as its labels describe
 * it: the same project name, directory and files, so compose finds the
 * containers it made. `binary` is ['docker', 'compose'] or ['docker-compose'].
 */
export function composeArgv(binary: readonly string[], project: string, labels: Record<string, string>, verb: ComposeVerb): string[] {
	const dir = labels[composeLabels.workingDir];
	const files = configFiles(labels).flatMap(file => ['-f', file]);
	return [...binary, ...(dir ? ['--project-directory', dir] : []), ...files, '-p', project, ...(verb === 'up' ? ['up', '-d'] : ['down'])];
}

/** How a project's containers differ from its files: services with no container, containers of services the files no longer have. */
export type Drift = {missing: string[]; extra: string[]};

/**
 * Drift by service names, which needs no compose binary. Compose's own
 * config-hash label (a hash of each service's fully resolved config) would
 * also catch a changed image or port, but computing it needs compose's own
 * normalisation, so it is not attempted: a changed service shows only once
 * its name differs. One-off containers (`compose run`) are not the file's.
 */
export function composeDrift(services: readonly string[], rows: readonly ContainerRow[], optional: readonly string[] = []): Drift {
	const running = new Set(rows.filter(row => row.labels['com.docker.compose.oneoff'] !== 'True').map(serviceOf));
	const wanted = new Set(services);
	const maybe = new Set(optional);
	return {missing: services.filter(service => !running.has(service) && !maybe.has(service)), extra: [...running].filter(service => !wanted.has(service)).sort()};
}

/** How a project stands against its files: not read yet, not readable (and why), or its drift (possibly none). */
export type ProjectDrift =
	| {kind: 'unknown'}
	| {kind: 'unreadable'; files: readonly string[]; error: string}
	| {kind: 'read'; files: readonly string[]; services: readonly string[]; drift: Drift};

/** True when there is any drift to show. */
export function hasDrift(drift: Drift | undefined): boolean {
	return drift !== undefined && (drift.missing.length > 0 || drift.extra.length > 0);
}
