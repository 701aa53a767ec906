import {describeTarget, dockerodeFor, pingWithin, type EngineTarget} from './connection.js';
import {classifyError, isGone} from './connection-errors.js';
import {containersApi, type ContainersApi} from './containers-api.js';
import {diskApi, type DiskApi} from './disk-api.js';
import {imagesApi, type ImagesApi} from './images-api.js';
import {imageVerbsApi, type ImageVerbsApi} from './image-verbs-api.js';
import {imageArchiveApi, type ImageArchiveApi} from './image-archive-api.js';
import {buildApi, type BuildApi} from './build-api.js';
import {copyApi, type CopyApi} from './copy-api.js';
import {networksApi, type NetworksApi} from './networks-api.js';
import {volumesApi, type VolumesApi} from './volumes-api.js';
import {execApi, type ExecApi} from './exec-api.js';
import {inspectApi, type InspectApi} from './inspect-api.js';
import {logsApi, type LogsApi} from './logs-api.js';
import {topApi, type TopApi} from './top-api.js';
import {SshTunnel, type SshTunnelOptions} from './ssh-tunnel.js';
import {swarmApi, type SwarmApi} from './swarm-api.js';
import type {PlainEndpoint} from './plain-get.js';

export type {ContainerAction, EngineEvent} from './containers-api.js';

/** What every engine has whatever the feature: how to explain its errors, and where it is. */
export type EngineBasics = {
	/** A one-line, human account of an error from any engine call. */
	explain(error: unknown): string;
	/** True when the error says the container no longer exists. */
	isGone(error: unknown): boolean;
	/** Where this engine is, e.g. "unix:///var/run/docker.sock". */
	readonly description: string;
};

/** Starting and ending the way to the engine (an ssh tunnel; nothing for unix and tcp). */
export type EngineLifecycle = {
	/** Resolves when requests can be sent; each sync session awaits it first. */
	ready(signal?: AbortSignal): Promise<void>;
	/** Releases what ready() started. */
	close(): Promise<void>;
	/** ready(), then a ping within `timeoutMs`; throws EngineError with the classified failure (start-up's check). */
	probe(timeoutMs?: number): Promise<void>;
};

/**
 * Everything Porthole asks of a Docker engine: one API object per feature,
 * each in its own file. Streams take an AbortSignal and end when it aborts;
 * the caller that passed the signal owns the stream.
 */
export type Engine = EngineBasics & EngineLifecycle & ContainersApi & ImagesApi & ImageVerbsApi & ImageArchiveApi & BuildApi & CopyApi & VolumesApi & NetworksApi & DiskApi & ExecApi & TopApi & InspectApi & LogsApi & SwarmApi;

/**
 * Builds the engine for a target; the only place a long-lived Dockerode is
 * constructed. An ssh target gets its SshTunnel: one ssh login for the whole
 * run, and dockerode talks to the tunnel's local socket.
 */
export function createEngine(target: EngineTarget, sshOptions?: SshTunnelOptions): Engine {
	const tunnel = target.kind === 'ssh' ? new SshTunnel(target, sshOptions) : undefined;
	const docker = dockerodeFor(target, tunnel?.socketPath);
	// Nothing to set up for unix and tcp.
	const ready = async (signal?: AbortSignal) => tunnel?.ready(signal);
	return {
		description: describeTarget(target),
		explain: error => tunnel?.explain(error) ?? classifyError(error, target).message,
		isGone,
		ready,
		close: async () => tunnel?.close(),
		async probe(timeoutMs) {
			await ready();
			await pingWithin(target, timeoutMs, tunnel?.socketPath);
		},
		...containersApi(docker, plainEndpoint(target, tunnel?.socketPath)),
		...imagesApi(docker),
		...imageVerbsApi(docker),
		...imageArchiveApi(docker),
		...buildApi(docker),
		...copyApi(docker),
		...volumesApi(docker),
		...networksApi(docker),
		...diskApi(docker),
		...logsApi(docker),
		...execApi(docker),
		...topApi(docker),
		...inspectApi(docker),
		...swarmApi(docker),
	};
}

/** Where `target` speaks plain HTTP (see containersApi); none for TLS, whose client stays dockerode's. */
function plainEndpoint(target: EngineTarget, tunnelSocket?: string): PlainEndpoint | undefined {
	if (target.kind === 'unix') return {socketPath: target.socketPath};
	if (target.kind === 'ssh') return tunnelSocket === undefined ? undefined : {socketPath: tunnelSocket};
	return target.tls ? undefined : {host: target.host, port: target.port};
}
