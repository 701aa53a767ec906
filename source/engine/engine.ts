import {describeTarget, dockerodeFor, type EngineTarget} from './connection.js';
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
};

/**
 * Everything Porthole asks of a Docker engine: one API object per feature,
 * each in its own file. Streams take an AbortSignal and end when it aborts;
 * the caller that passed the signal owns the stream.
 */
export type Engine = EngineBasics & EngineLifecycle & ContainersApi & ImagesApi & ImageVerbsApi & ImageArchiveApi & BuildApi & CopyApi & VolumesApi & NetworksApi & DiskApi & ExecApi & TopApi & InspectApi & LogsApi;

/** Builds the engine for a target; the only place a Dockerode is constructed. */
export function createEngine(target: EngineTarget): Engine {
	const docker = dockerodeFor(target);
	return {
		description: describeTarget(target),
		explain: error => classifyError(error, target).message,
		isGone,
		// Nothing to set up for unix and tcp; the ssh transport gives these their work.
		ready: async () => undefined,
		close: async () => undefined,
		...containersApi(docker),
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
	};
}
