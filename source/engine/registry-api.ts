import {manifestSize, registryLimits, validNames, validRepository, validTag} from '../domain/registry.js';
import {credentialsFor} from './docker-auth.js';

/** A registry that speaks the v2 API, by address and scheme (domain/registry.ts parseRegistryHost). */
export type RegistryAddress = {host: string; scheme: 'http' | 'https'};

/** A registry call that failed, in one line of our own words (never the body it sent). */
export class RegistryError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RegistryError';
	}
}

const manifestTypes = [
	'application/vnd.docker.distribution.manifest.v2+json',
	'application/vnd.oci.image.manifest.v1+json',
	'application/vnd.docker.distribution.manifest.list.v2+json',
	'application/vnd.oci.image.index.v1+json',
].join(', ');

/** Reads at most `limit` bytes of a body; a longer one is refused (a registry must not fill memory). */
async function boundedJson(response: Response, limit: number): Promise<unknown> {
	const declared = Number(response.headers.get('content-length') ?? '0');
	if (declared > limit) throw new RegistryError(`the registry's answer is larger than ${limit} bytes`);
	const reader = response.body?.getReader();
	if (!reader) return undefined;
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const {done, value} = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > limit) {
			await reader.cancel();
			throw new RegistryError(`the registry's answer is larger than ${limit} bytes`);
		}
		chunks.push(value);
	}
	try {
		return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
	} catch {
		throw new RegistryError('the registry did not answer with JSON');
	}
}

/**
 * One GET with a deadline (registryLimits.requestMs, and the caller's signal),
 * Basic credentials from the docker CLI's config when it has them, and a
 * bounded JSON body. Errors are our words: status, timeout or unreachable.
 */
async function getJson(address: RegistryAddress, path: string, signal: AbortSignal, accept = 'application/json'): Promise<unknown> {
	const headers: Record<string, string> = {accept};
	const auth = await credentialsFor(address.host).catch(() => undefined);
	if (auth?.username && auth.password) headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
	const deadline = AbortSignal.timeout(registryLimits.requestMs);
	let response: Response;
	try {
		response = await fetch(`${address.scheme}://${address.host}${path}`, {headers, signal: AbortSignal.any([signal, deadline]), redirect: 'error'});
	} catch (error) {
		if (signal.aborted) throw new RegistryError('cancelled');
		if (deadline.aborted) throw new RegistryError(`${address.host}: no answer within ${registryLimits.requestMs / 1000} s`);
		const code = (error as {cause?: {code?: unknown}}).cause?.code;
		throw new RegistryError(`${address.host} cannot be reached${typeof code === 'string' ? ` (${code})` : ''}`);
	}
	if (response.status === 401 || response.status === 403) {
		await response.body?.cancel();
		throw new RegistryError(`${address.host} refused: it wants credentials (docker login ${address.host}) or denies this`);
	}
	if (!response.ok) {
		await response.body?.cancel();
		throw new RegistryError(`${address.host} answered HTTP ${response.status} for ${path.split('?')[0]}`);
	}
	return boundedJson(response, registryLimits.bodyBytes);
}

/** Repositories of a v2 registry (`/v2/_catalog`), valid names only, bounded. */
export async function registryCatalog(address: RegistryAddress, signal: AbortSignal): Promise<{names: string[]; invalid: number; more: boolean}> {
	const body = await getJson(address, `/v2/_catalog?n=${registryLimits.repositories}`, signal) as {repositories?: unknown} | null;
	return validNames(body?.repositories, validRepository, registryLimits.repositories);
}

/** Tags of one repository (`/v2/NAME/tags/list`), valid tags only, bounded. */
export async function registryTags(address: RegistryAddress, repository: string, signal: AbortSignal): Promise<{names: string[]; invalid: number; more: boolean}> {
	if (!validRepository(repository)) throw new RegistryError('not a repository name');
	const body = await getJson(address, `/v2/${repository}/tags/list`, signal) as {tags?: unknown} | null;
	return validNames(body?.tags, validTag, registryLimits.tags);
}

/**
 * The size of REPO:TAG from its manifest (config plus layers). An index (a
 * multi-platform image) has no one size: undefined.
 */
export async function registryManifestSize(address: RegistryAddress, repository: string, tag: string, signal: AbortSignal): Promise<number | undefined> {
	if (!validRepository(repository) || !validTag(tag)) throw new RegistryError('not a repository:tag');
	return manifestSize(await getJson(address, `/v2/${repository}/manifests/${tag}`, signal, manifestTypes));
}
