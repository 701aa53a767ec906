import type {EngineTarget} from './connection.js';

/**
 * Where the engine is, as the user would write it: a bare path for a socket
 * (as docker's own messages do), else a tcp:// or ssh:// address.
 */
export function endpoint(target: EngineTarget): string {
	if (target.kind === 'unix') return target.socketPath;
	const host = target.host.includes(':') ? `[${target.host}]` : target.host;
	if (target.kind === 'ssh') return `ssh://${target.username ? `${target.username}@` : ''}${host}${target.port === undefined ? '' : `:${target.port}`}`;
	return `tcp://${host}:${target.port}`;
}

/** The target as one short line for the status bar and messages, e.g. "unix:///var/run/docker.sock" or "tcp://h:2376 (TLS)". */
export function describeTarget(target: EngineTarget): string {
	if (target.kind === 'unix') return `unix://${endpoint(target)}`;
	if (target.kind === 'ssh') return endpoint(target);
	const tls = target.tls ? (target.tls.verify ? ' (TLS)' : ' (TLS, unverified)') : '';
	return `${endpoint(target)}${tls}`;
}
