import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {ConnectionConfigError} from './connection-errors.js';

/** A docker CLI context's docker endpoint, as `docker context create` stored it. */
export type DockerContextEndpoint = {
	/** The context's name. */
	name: string;
	/** `Endpoints.docker.Host`, still unparsed (unix://, tcp://, ssh://...). */
	host: string;
	/** `Endpoints.docker.SkipTLSVerify`. */
	skipTLSVerify: boolean;
	/** The PEM files under `contexts/tls/<sha256>/docker/`, when the context has any. */
	tls?: {ca?: Buffer; cert?: Buffer; key?: Buffer};
};

/** The docker CLI's config folder: `$DOCKER_CONFIG`, else `~/.docker`. */
export function dockerConfigDir(env: NodeJS.ProcessEnv, homeDir: string): string {
	return env.DOCKER_CONFIG || join(homeDir, '.docker');
}

/** The context folder name the docker CLI uses: the sha256 hex digest of the context name. Node's crypto loads here, not at every start (10 ms). */
export function contextDigest(name: string): string {
	return process.getBuiltinModule('node:crypto').createHash('sha256').update(name).digest('hex');
}

/** The docker CLI's `currentContext` from `<configDir>/config.json`; undefined when unset, "default", or there is no config file. */
export function readCurrentContext(configDir: string): string | undefined {
	const file = join(configDir, 'config.json');
	const text = readOptional(file);
	if (text === undefined) return undefined;
	let config: unknown;
	try {
		config = JSON.parse(text.toString('utf8'));
	} catch (error) {
		throw new ConnectionConfigError(`cannot read the docker CLI config ${file}: ${(error as Error).message} (fix or remove the file)`);
	}
	const current = isRecord(config) ? config.currentContext : undefined;
	return typeof current === 'string' && current !== '' && current !== 'default' ? current : undefined;
}

/** Reads context `name`'s docker endpoint and TLS files from `configDir`; throws ConnectionConfigError when it is missing or malformed. */
export function readDockerContext(configDir: string, name: string): DockerContextEndpoint {
	const digest = contextDigest(name);
	const metaFile = join(configDir, 'contexts', 'meta', digest, 'meta.json');
	const text = readOptional(metaFile);
	if (text === undefined) {
		throw new ConnectionConfigError(`docker context "${name}" does not exist (no ${metaFile}; see docker context ls)`);
	}
	let meta: unknown;
	try {
		meta = JSON.parse(text.toString('utf8'));
	} catch (error) {
		throw new ConnectionConfigError(`docker context "${name}" is unreadable: ${metaFile}: ${(error as Error).message}`);
	}
	const endpoints = isRecord(meta) ? meta.Endpoints : undefined;
	const docker = isRecord(endpoints) ? endpoints.docker : undefined;
	const host = isRecord(docker) ? docker.Host : undefined;
	if (!isRecord(docker) || typeof host !== 'string' || host === '') {
		throw new ConnectionConfigError(`docker context "${name}" has no docker endpoint (Endpoints.docker.Host in ${metaFile})`);
	}
	const tlsDir = join(configDir, 'contexts', 'tls', digest, 'docker');
	const ca = readOptional(join(tlsDir, 'ca.pem'));
	const cert = readOptional(join(tlsDir, 'cert.pem'));
	const key = readOptional(join(tlsDir, 'key.pem'));
	const endpoint: DockerContextEndpoint = {name, host, skipTLSVerify: docker.SkipTLSVerify === true};
	if (ca || cert || key) endpoint.tls = {ca, cert, key};
	return endpoint;
}

/** The names of the docker CLI's contexts under `configDir`, sorted, with "default" first (what `docker context ls` lists). */
export function listDockerContexts(configDir: string): string[] {
	const metaDir = join(configDir, 'contexts', 'meta');
	let folders: string[];
	try {
		folders = readdirSync(metaDir);
	} catch {
		return ['default'];
	}
	const names = new Set<string>();
	for (const folder of folders) {
		try {
			const meta: unknown = JSON.parse(readFileSync(join(metaDir, folder, 'meta.json'), 'utf8'));
			const name = isRecord(meta) ? meta.Name : undefined;
			if (typeof name === 'string' && name !== '' && contextDigest(name) === folder) names.add(name);
		} catch {
			// A folder without a readable meta.json is not a context the docker CLI would list either.
		}
	}
	names.delete('default');
	return ['default', ...[...names].sort()];
}

/** A file's bytes, or undefined when it does not exist; other read errors (permissions) are config errors. */
function readOptional(file: string): Buffer | undefined {
	try {
		return readFileSync(file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
		throw new ConnectionConfigError(`cannot read ${file}: ${code ?? (error as Error).message}`);
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
