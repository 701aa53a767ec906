import {existsSync, readFileSync} from 'node:fs';
import type {Agent as HttpAgent} from 'node:http';
import type {Agent as HttpsAgent} from 'node:https';
import {join} from 'node:path';
import Dockerode from 'dockerode';
import {ConnectionConfigError, EngineError, classifyError, notDockerFailure} from './connection-errors.js';
import {dockerConfigDir, readCurrentContext, readDockerContext} from './docker-context.js';
import {plainHttpAgent} from './plain-agent.js';
import {SshTunnel, type SshTarget} from './ssh-tunnel.js';

// Re-exported so callers of probe() find the error it throws next to it.
export {EngineError};

/** TLS settings for a tcp engine; `verify: false` skips checking the engine's certificate (DOCKER_TLS, SkipTLSVerify). */
export type EngineTls = {ca?: Buffer; cert?: Buffer; key?: Buffer; verify: boolean};

/** Where the engine is and how to reach it; `source` says which setting chose it, for messages. */
export type EngineTarget =
	/** `tried`: when nothing named an engine and no socket was found, every place looked at, in order, for the error. */
	| {kind: 'unix'; socketPath: string; source: string; tried?: string[]}
	| {kind: 'tcp'; host: string; port: number; tls?: EngineTls; source: string}
	| ({kind: 'ssh'; source: string} & SshTarget);

/** What resolveTarget looks at: the flags, the environment, the home folder, and (for tests) a file-exists check. */
export type ResolveInput = {
	host?: string;
	context?: string;
	env: NodeJS.ProcessEnv;
	homeDir: string;
	exists?: (path: string) => boolean;
};

/** The standard engine socket; also named in the error when nothing else is found. */
export const DEFAULT_SOCKET = '/var/run/docker.sock';

const ACCEPTED = 'expected unix:///path/to/docker.sock, tcp://host[:port], https://host[:port] or ssh://[user@]host[:port]';

/**
 * Decides which engine to talk to, the way the docker CLI does: --context, then --host (both at once is an error),
 * then DOCKER_HOST, then DOCKER_CONTEXT, then the CLI's current context, then the standard socket, then Podman's
 * sockets. Throws ConnectionConfigError (exit 2) for malformed values.
 */
export function resolveTarget(input: ResolveInput): EngineTarget {
	const {env, host, context} = input;
	const exists = input.exists ?? existsSync;
	const configDir = dockerConfigDir(env, input.homeDir);
	if (host !== undefined && context !== undefined) {
		throw new ConnectionConfigError('conflicting options: give either --host or --context, not both');
	}
	if (context === '') throw new ConnectionConfigError(`--context needs a context name (see docker context ls)`);
	if (host === '') throw new ConnectionConfigError(`--host needs a value; ${ACCEPTED}`);
	if (context !== undefined && context !== 'default') return fromContext(configDir, context, '--context');
	if (host !== undefined) return fromHost(host, '--host', env, configDir);
	if (env.DOCKER_HOST) return fromHost(env.DOCKER_HOST, 'DOCKER_HOST', env, configDir);
	if (context === undefined) {
		// "default" is the docker CLI's name for "no context": DOCKER_HOST or the standard socket.
		const named = env.DOCKER_CONTEXT;
		if (named && named !== 'default') return fromContext(configDir, named, 'DOCKER_CONTEXT');
		if (!named) {
			const current = readCurrentContext(configDir);
			if (current) return fromContext(configDir, current, `currentContext in ${join(configDir, 'config.json')}`);
		}
	}
	if (exists(DEFAULT_SOCKET)) return {kind: 'unix', socketPath: DEFAULT_SOCKET, source: 'default socket'};
	const podman = [env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'podman', 'podman.sock') : '', '/run/podman/podman.sock'];
	const found = podman.find((path) => path !== '' && exists(path));
	if (found) return {kind: 'unix', socketPath: found, source: 'Podman socket'};
	// Nothing found: the error names every place looked at, in the order above.
	const tried = [
		...(context === undefined ? ['DOCKER_HOST (not set)', `the docker CLI's context (${env.DOCKER_CONTEXT ? 'DOCKER_CONTEXT=default' : `none in ${join(configDir, 'config.json')}`})`] : []),
		DEFAULT_SOCKET,
		...podman.filter(path => path !== ''),
	];
	return {kind: 'unix', socketPath: DEFAULT_SOCKET, source: 'default socket', tried};
}

/**
 * Dockerode options for `target`. Every field docker-modem would otherwise fill from DOCKER_HOST/DOCKER_TLS_VERIFY
 * is set explicitly, so the environment cannot override the resolved target. An ssh target is reached through its
 * tunnel's local socket (`tunnelSocket`), never through docker-modem's own ssh agent.
 */
export function toDockerodeOptions(target: EngineTarget, tunnelSocket?: string): Dockerode.DockerOptions & {agent?: HttpAgent} {
	const unset = {host: undefined, port: undefined, username: undefined, ca: undefined, cert: undefined, key: undefined};
	if (target.kind === 'unix') return {...unset, socketPath: target.socketPath, protocol: 'http', agent: plainHttpAgent()};
	if (target.kind === 'ssh') {
		if (tunnelSocket === undefined) throw new Error('an ssh target is reached through its SshTunnel');
		return {...unset, socketPath: tunnelSocket, protocol: 'http', agent: plainHttpAgent()};
	}
	const {tls} = target;
	if (!tls) return {...unset, protocol: 'http', host: target.host, port: target.port, agent: plainHttpAgent()};
	// docker-modem has no rejectUnauthorized; an agent's options win over the request's, so skip-verify goes there.
	const options: Dockerode.DockerOptions & {agent?: HttpsAgent} = {
		...unset,
		protocol: 'https',
		host: target.host,
		port: target.port,
		ca: tls.ca,
		cert: tls.cert,
		key: tls.key,
	};
	// https (and with it tls) loads here, for TLS hosts only: ~20 ms of every start otherwise.
	if (!tls.verify) options.agent = new (process.getBuiltinModule('node:https').Agent)({rejectUnauthorized: false, ca: tls.ca, cert: tls.cert, key: tls.key});
	return options;
}

/**
 * A Dockerode client for `target`. docker-modem reads DOCKER_HOST,
 * DOCKER_CERT_PATH and friends whenever DOCKER_HOST is set, and throws when
 * that folder lacks cert.pem (a folder with only ca.pem is fine for
 * https://), so the environment is hidden from it while it is built: the
 * resolved target alone decides. `tunnelSocket` is where an ssh target's
 * engine is reached (see toDockerodeOptions).
 */
export function dockerodeFor(target: EngineTarget, tunnelSocket?: string): Dockerode {
	const options = toDockerodeOptions(target, tunnelSocket);
	const saved = process.env.DOCKER_HOST;
	delete process.env.DOCKER_HOST;
	try {
		return new Dockerode(options);
	} finally {
		if (saved !== undefined) process.env.DOCKER_HOST = saved;
	}
}

/** The target as one short line (engine/target-text.ts); re-exported here, where callers look for it. */
export {describeTarget} from './target-text.js';

/** Our own deadline; `code` makes it classify as a timeout and `timeoutMs` lets the message say how long we waited. */
class ProbeTimeout extends Error {
	readonly code = 'ETIMEDOUT';

	constructor(readonly timeoutMs: number) {
		super(`no answer within ${timeoutMs} ms`);
		this.name = 'ProbeTimeout';
	}
}

// @types/dockerode omits ping's options, but dockerode 5 forwards `abortSignal` to the HTTP request.
type PingWithSignal = (options: {abortSignal: AbortSignal}) => Promise<unknown>;

/**
 * Pings the engine within `timeoutMs`; resolves when it answers, otherwise throws an EngineError with the classified
 * failure. An ssh target logs in first (its own deadline) through a throwaway tunnel, closed before this returns.
 */
export async function probe(target: EngineTarget, timeoutMs = 3000): Promise<void> {
	if (target.kind !== 'ssh') return pingWithin(target, timeoutMs);
	const tunnel = new SshTunnel(target);
	try {
		await tunnel.ready();
		await pingWithin(target, timeoutMs, tunnel.socketPath);
	} finally {
		await tunnel.close();
	}
}

/** probe()'s ping; `tunnelSocket` is where an ssh target's engine is reached (see toDockerodeOptions). */
export async function pingWithin(target: EngineTarget, timeoutMs = 3000, tunnelSocket?: string): Promise<void> {
	const controller = new AbortController();
	let timer: NodeJS.Timeout | undefined;
	const deadline = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(() => {
			const error = new ProbeTimeout(timeoutMs);
			controller.abort(error);
			reject(error);
		}, timeoutMs);
	});
	try {
		// A throwaway client: engine.ts owns the long-lived one.
		const docker = dockerodeFor(target, tunnelSocket);
		const ping = docker.ping as unknown as PingWithSignal;
		// The race also covers ssh, whose handshake does not watch the signal.
		const answer = await Promise.race([ping.call(docker, {abortSignal: controller.signal}), deadline]);
		// Docker and Podman answer "OK"; a web server on that port answers its page.
		if (String(answer).trim() !== 'OK') throw new EngineError(notDockerFailure(target));
	} catch (error) {
		throw new EngineError(classifyError(error, target), {cause: error});
	} finally {
		clearTimeout(timer);
	}
}

function fromContext(configDir: string, name: string, origin: string): EngineTarget {
	let endpoint;
	try {
		endpoint = readDockerContext(configDir, name);
	} catch (error) {
		if (error instanceof ConnectionConfigError) throw new ConnectionConfigError(`${origin}: ${error.message}`);
		throw error;
	}
	const source = `context "${name}"`;
	const parsed = parseHost(endpoint.host, `${source} endpoint`);
	// Like the docker CLI: TLS files or SkipTLSVerify turn TLS on for a tcp endpoint.
	const wantsTls = parsed.kind === 'tcp' && (parsed.https || endpoint.tls !== undefined || endpoint.skipTLSVerify);
	const tls = wantsTls ? {...endpoint.tls, verify: !endpoint.skipTLSVerify} : undefined;
	return finish(parsed, source, tls);
}

function fromHost(value: string, label: '--host' | 'DOCKER_HOST', env: NodeJS.ProcessEnv, configDir: string): EngineTarget {
	const parsed = parseHost(value, label);
	const tls = parsed.kind === 'tcp' ? envTls(env, configDir, parsed.https) : undefined;
	return finish(parsed, label, tls);
}

type ParsedHost =
	| {kind: 'unix'; socketPath: string}
	| {kind: 'tcp'; host: string; port?: number; https: boolean}
	| {kind: 'ssh'; host: string; port?: number; username?: string};

function finish(parsed: ParsedHost, source: string, tls: EngineTls | undefined): EngineTarget {
	if (parsed.kind === 'unix') return {kind: 'unix', socketPath: parsed.socketPath, source};
	if (parsed.kind === 'ssh') {
		const target: EngineTarget = {kind: 'ssh', host: parsed.host, source};
		// No port unless one was given: the ssh config's Port (or 22) applies.
		if (parsed.port !== undefined) target.port = parsed.port;
		if (parsed.username) target.username = parsed.username;
		return target;
	}
	const target: EngineTarget = {kind: 'tcp', host: parsed.host, port: parsed.port ?? (tls ? 2376 : 2375), source};
	if (tls) target.tls = tls;
	return target;
}

/** Parses an engine URL; `label` names the flag or variable in the one-line error. */
function parseHost(value: string, label: string): ParsedHost {
	const fail = (reason: string): never => {
		throw new ConnectionConfigError(`invalid ${label} ${JSON.stringify(value)}: ${reason}; ${ACCEPTED}`);
	};
	const match = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/is.exec(value);
	if (!match) return fail(/^[\w.-]+(:\d+)?$/.test(value) ? `missing scheme (did you mean tcp://${value}?)` : 'missing scheme');
	const scheme = match[1]!.toLowerCase();
	const rest = match[2]!;
	if (scheme === 'unix') {
		if (rest === '') return fail('missing socket path');
		if (!rest.startsWith('/')) return fail('the socket path must be absolute');
		return {kind: 'unix', socketPath: rest};
	}
	if (scheme === 'npipe') return fail('npipe is Windows-only');
	if (scheme !== 'tcp' && scheme !== 'http' && scheme !== 'https' && scheme !== 'ssh') return fail(`unsupported scheme "${scheme}"`);
	const at = rest.lastIndexOf('@');
	const username = at >= 0 ? rest.slice(0, at) : undefined;
	const address = (at >= 0 ? rest.slice(at + 1) : rest).replace(/\/$/, '');
	if (username !== undefined && (scheme !== 'ssh' || !/^[^\s:/@]+$/.test(username))) {
		return fail(scheme === 'ssh' ? 'bad user name' : 'user names are only allowed for ssh://');
	}
	if (address === '') return fail('missing host');
	if (address.includes('/')) return fail('paths are not supported');
	const parts = /^(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9._-]+))(?::(.*))?$/.exec(address);
	if (!parts) return fail('bad host name');
	const host = (parts[1] ?? parts[2])!;
	let port: number | undefined;
	if (parts[3] !== undefined) {
		port = /^\d{1,5}$/.test(parts[3]) ? Number(parts[3]) : Number.NaN;
		if (!(port >= 1 && port <= 65535)) return fail(`port ${JSON.stringify(parts[3])} is not a number from 1 to 65535`);
	}
	if (scheme === 'ssh') return {kind: 'ssh', host, port, username};
	return {kind: 'tcp', host, port, https: scheme === 'https'};
}

/** TLS for --host/DOCKER_HOST: DOCKER_TLS_VERIFY (verify, all three files required), DOCKER_TLS or https:// (files optional). */
function envTls(env: NodeJS.ProcessEnv, configDir: string, https: boolean): EngineTls | undefined {
	const verifyEnv = isOn(env.DOCKER_TLS_VERIFY);
	const tlsEnv = isOn(env.DOCKER_TLS);
	if (!verifyEnv && !tlsEnv && !https) return undefined;
	const dir = env.DOCKER_CERT_PATH || configDir;
	const read = (name: string): Buffer | undefined => {
		const file = join(dir, name);
		try {
			return readFileSync(file);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new ConnectionConfigError(`cannot read ${file}: ${code ?? String(error)}`);
			if (!verifyEnv) return undefined;
			throw new ConnectionConfigError(
				`DOCKER_TLS_VERIFY is set but ${file} does not exist (point DOCKER_CERT_PATH at the folder holding ca.pem, cert.pem and key.pem)`,
			);
		}
	};
	const tls: EngineTls = {verify: verifyEnv || (https && !tlsEnv)};
	const ca = read('ca.pem');
	const cert = read('cert.pem');
	const key = read('key.pem');
	if (Boolean(cert) !== Boolean(key)) {
		throw new ConnectionConfigError(`${dir} has ${cert ? 'cert.pem but no key.pem' : 'key.pem but no cert.pem'} (a client certificate needs both)`);
	}
	if (ca) tls.ca = ca;
	if (cert && key) Object.assign(tls, {cert, key});
	return tls;
}

/** Docker treats any non-empty value as on; we also accept "0" as off, which is what people mean by it. */
function isOn(value: string | undefined): boolean {
	return value !== undefined && value !== '' && value !== '0';
}
