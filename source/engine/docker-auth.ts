import {execFile} from 'node:child_process';
import {readFile} from 'node:fs/promises';
import {homedir} from 'node:os';
import {join} from 'node:path';

/** What the engine takes in X-Registry-Auth for one registry. */
export type AuthConfig = {username?: string; password?: string; identitytoken?: string; serveraddress: string};

type ConfigFile = {
	auths?: Record<string, {auth?: string; username?: string; password?: string; identitytoken?: string} | undefined>;
	credsStore?: string;
	credHelpers?: Record<string, string>;
};

/** The docker CLI's config file: $DOCKER_CONFIG/config.json, else ~/.docker/config.json. */
export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
	return join(env.DOCKER_CONFIG || join(homedir(), '.docker'), 'config.json');
}

/** The keys a registry may be filed under in `auths`: the bare host, with a scheme, and Docker Hub's historical URL. */
export function authKeys(host: string): string[] {
	if (host === 'docker.io') return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
	return [host, `https://${host}`, `http://${host}`, `https://${host}/v1/`, `https://${host}/v2/`];
}

/**
 * The credentials for `host` from a config file's `auths` (base64
 * "user:password" or separate fields); undefined when the host is not there.
 */
export function authFromConfig(config: ConfigFile, host: string): AuthConfig | undefined {
	const key = authKeys(host).find(candidate => config.auths?.[candidate]);
	const entry = key ? config.auths?.[key] : undefined;
	if (!entry) return undefined;
	const serveraddress = host === 'docker.io' ? 'https://index.docker.io/v1/' : host;
	if (entry.identitytoken) return {identitytoken: entry.identitytoken, serveraddress};
	if (entry.auth) {
		const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		if (colon > 0) return {username: decoded.slice(0, colon), password: decoded.slice(colon + 1), serveraddress};
	}
	if (entry.username) return {username: entry.username, password: entry.password ?? '', serveraddress};
	return undefined;
}

/** The credential helper the config names for `host` (credHelpers, then credsStore). */
export function helperFor(config: ConfigFile, host: string): string | undefined {
	const named = authKeys(host).map(key => config.credHelpers?.[key]).find(Boolean) ?? config.credsStore;
	// The name becomes part of a program name: only plain words, never a path.
	return named && /^[\w.-]+$/.test(named) ? named : undefined;
}

/** Asks `docker-credential-NAME get` for a host's credentials, as the docker CLI does; undefined when it has none or fails. */
async function fromHelper(helper: string, host: string): Promise<AuthConfig | undefined> {
	const server = host === 'docker.io' ? 'https://index.docker.io/v1/' : host;
	const output = await new Promise<string | undefined>(resolve => {
		const child = execFile(`docker-credential-${helper}`, ['get'], {timeout: 10_000, maxBuffer: 64 * 1024}, (error, stdout) => resolve(error ? undefined : stdout));
		child.stdin?.on('error', () => undefined);
		child.stdin?.end(server);
	});
	if (!output) return undefined;
	try {
		const answer = JSON.parse(output) as {Username?: string; Secret?: string};
		if (!answer.Secret) return undefined;
		// A helper says "<token>" as the user name when the secret is an identity token.
		if (answer.Username === '<token>') return {identitytoken: answer.Secret, serveraddress: server};
		return {username: answer.Username ?? '', password: answer.Secret, serveraddress: server};
	} catch {
		return undefined;
	}
}

/**
 * The credentials the docker CLI would use for `host`: a credential helper
 * when the config names one, else `auths`. Undefined when there are none (an
 * anonymous push, which a registry may refuse). A missing or unreadable
 * config file means none.
 */
export async function credentialsFor(host: string, env: NodeJS.ProcessEnv = process.env): Promise<AuthConfig | undefined> {
	let config: ConfigFile;
	try {
		config = JSON.parse(await readFile(dockerConfigPath(env), 'utf8')) as ConfigFile;
	} catch {
		return undefined;
	}
	if (!config || typeof config !== 'object') return undefined;
	const helper = helperFor(config, host);
	const viaHelper = helper ? await fromHelper(helper, host) : undefined;
	return viaHelper ?? authFromConfig(config, host);
}
