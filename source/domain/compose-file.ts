import {isAbsolute, join} from 'node:path';
import {parse} from 'yaml';
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

/** What a project's files say about its services: all it defines, and those only a profile starts (not expected to run). */
export type FileServices = {services: string[]; optional: string[]};

/**
 * The services the files define: the keys of each file's `services:`, merged
 * as compose merges override files (a later file adds services, never takes
 * one away). A service with `profiles:` runs only when a profile names it,
 * which the labels do not record, so it is optional: not missing when absent.
 * Throws on a file that is not YAML, naming nothing (the caller names the
 * file), and on `include:`, whose services live in files not read here.
 */
export function readServices(texts: readonly string[]): FileServices {
	const services = new Map<string, boolean>();
	for (const text of texts) {
		const doc = parse(text) as {services?: Record<string, {profiles?: unknown} | null>; include?: unknown} | null;
		if (doc?.include !== undefined) throw new Error('it uses include:, whose files are not followed');
		for (const [name, service] of Object.entries(doc?.services ?? {})) {
			const profiled = Array.isArray(service?.profiles) && service.profiles.length > 0;
			// An override file that does not repeat profiles: keeps the base file's (compose merges them).
			services.set(name, (services.get(name) ?? false) || profiled);
		}
	}
	const names = [...services.keys()].sort();
	return {services: names, optional: names.filter(name => services.get(name))};
}

/** The services the files define (see readServices). */
export function fileServices(texts: readonly string[]): string[] {
	return readServices(texts).services;
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
