/**
 * Registry browsing: what a v2 registry or Docker Hub search gives, kept to
 * names that are valid image references. Everything a registry sends is
 * untrusted, so names are checked against the distribution grammar (a name
 * that fails is dropped and counted, never shown), and lists are bounded.
 */

/** One row of the registry view: a repository, with a tag and its size once read. */
export type RegistryRow = {
	repository: string;
	tag?: string;
	/** Bytes of config and layers, from the manifest; undefined until read or when unreadable. */
	size?: number;
	/** Docker Hub search only: stars and the one-line description (sanitised). */
	stars?: number;
	description?: string;
	official?: boolean;
};

/** How many repositories a catalog read keeps, and tags per repository. */
export const registryLimits = {repositories: 200, tags: 100, bodyBytes: 1024 * 1024, requestMs: 5000};

const component = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const repositoryPattern = new RegExp(`^${component}(?:/${component})*$`);
const tagPattern = /^\w[\w.-]{0,127}$/;
const hostPattern = /^(?:\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)(?::\d{1,5})?$/i;

/** True for a repository path the distribution spec allows ("library/busybox"); at most 255 characters. */
export function validRepository(name: unknown): name is string {
	return typeof name === 'string' && name.length <= 255 && repositoryPattern.test(name);
}

/** True for a tag the distribution spec allows (word characters, dots and dashes, at most 128). */
export function validTag(tag: unknown): tag is string {
	return typeof tag === 'string' && tagPattern.test(tag);
}

/** A registry address as typed (`127.0.0.1:5000`, `https://registry.example`), or undefined when it is not one. */
export function parseRegistryHost(text: string): {host: string; scheme: 'http' | 'https'} | undefined {
	const trimmed = text.trim().replace(/\/+$/, '');
	const match = /^(?:(https?):\/\/)?([^/\s]+)$/i.exec(trimmed);
	if (!match || !hostPattern.test(match[2]!)) return undefined;
	const host = match[2]!.toLowerCase();
	const scheme = match[1]?.toLowerCase() as 'http' | 'https' | undefined;
	// As the engine does: loopback registries speak plain HTTP unless told otherwise.
	return {host, scheme: scheme ?? (isLoopback(host) ? 'http' : 'https')};
}

/** localhost, 127.0.0.0/8 or ::1, with or without a port. */
export function isLoopback(host: string): boolean {
	const name = host.replace(/:\d+$/, '');
	return name === 'localhost' || /^127(?:\.\d{1,3}){3}$/.test(name) || name === '[::1]';
}

/** Keeps the valid names of a list, at most `limit`, and says how many were dropped as invalid. */
export function validNames(values: unknown, valid: (value: unknown) => value is string, limit: number): {names: string[]; invalid: number; more: boolean} {
	const list = Array.isArray(values) ? values : [];
	const names = list.filter(valid);
	return {names: [...new Set(names)].slice(0, limit), invalid: list.length - names.length, more: names.length > limit};
}

/** The size a manifest gives: its config plus its layers, or undefined when it has none that are numbers. */
export function manifestSize(manifest: unknown): number | undefined {
	if (typeof manifest !== 'object' || manifest === null) return undefined;
	const {config, layers} = manifest as {config?: {size?: unknown}; layers?: unknown};
	if (!Array.isArray(layers)) return undefined;
	let total = typeof config?.size === 'number' ? config.size : 0;
	for (const layer of layers) {
		const size = (layer as {size?: unknown} | null)?.size;
		if (typeof size !== 'number' || !Number.isFinite(size) || size < 0) return undefined;
		total += size;
	}
	return total;
}

/** The reference to pull a row by: "HOST/REPO:TAG", or for Docker Hub "REPO" (latest). */
export function registryReference(host: string | undefined, row: RegistryRow): string {
	const name = host ? `${host}/${row.repository}` : row.repository;
	return row.tag ? `${name}:${row.tag}` : name;
}
