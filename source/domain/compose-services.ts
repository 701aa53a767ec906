import {parse} from 'yaml';

// Apart from compose-file.ts: YAML is loaded (sync/compose-files.ts imports
// this module on first use) only when the grouped view reads compose files.

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
