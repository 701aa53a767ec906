import type Dockerode from 'dockerode';
import type {Readable} from 'node:stream';
import type {ContainerRow} from '../domain/container.js';
import type {RawStats} from '../domain/stats-calc.js';
import {rowFromInspect, rowFromSummary} from './container-mapping.js';
import {ndjsonObjects} from './ndjson-stream.js';
import {signalled, withDeadline} from './deadline.js';
import {takeEarlyList} from './early-list.js';
import {engineMessage} from './engine-message.js';
import {engineProduct, type EngineProduct} from './engine-product.js';
import {NotPlainHttp, plainGet, type PlainAnswer, type PlainEndpoint} from './plain-get.js';

/** One message from the engine's `/events` stream, reduced to what we act on. */
export type EngineEvent = {
	type: string;
	action: string;
	id: string;
	attributes: Record<string, string>;
	/** Epoch milliseconds. */
	time: number;
	/** The short name of the engine it came from, set by that engine's sync when several are on screen. */
	host?: string;
};

/** The container actions the containers pane offers. */
export type ContainerAction = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill' | 'remove';

type RawEvent = {
	Type?: string;
	Action?: string;
	status?: string;
	id?: string;
	Actor?: {ID?: string; Attributes?: Record<string, string>};
	time?: number;
	timeNano?: number;
};

/** The container calls: list, inspect, events, stats and lifecycle actions. */
export type ContainersApi = {
	/** `/_ping`; the signal bounds it (the frozen-engine watch gives it a deadline). */
	ping(signal?: AbortSignal): Promise<void>;
	/**
	 * Who the engine is, from `/info`: its ID, host name and data root. Two
	 * daemons on one machine share the ID (it comes from the machine's
	 * /etc/docker/key.json), but not the data root.
	 */
	engineId(): Promise<string>;
	/** Which engine this is, from `/version`: 'Podman', or undefined for Docker. */
	product(): Promise<EngineProduct | undefined>;
	/** Every container, from the list endpoint (cheap; some fields wait for inspect). */
	listContainers(): Promise<ContainerRow[]>;
	/**
	 * listContainers, with `at`: a time on the engine's clock (epoch seconds, from its Date header less the round trip)
	 * no later than the list was taken, when it gave one. Events asked for `since` then miss nothing the list did not see.
	 */
	listContainersAt(): Promise<ContainerListing>;
	/** One container in full, or undefined when it no longer exists. */
	inspectContainer(id: string): Promise<ContainerRow | undefined>;
	/**
	 * Subscribes to `/events`; resolves once the engine has accepted the subscription, and rejects when it has not within 10 s.
	 * With `since` (epoch seconds, the engine's clock) the engine first sends again what it still holds from then on.
	 */
	events(signal: AbortSignal, since?: number): Promise<AsyncIterable<EngineEvent>>;
	/** The live stats stream of one container, one frame a second. */
	stats(id: string, signal: AbortSignal): Promise<AsyncIterable<RawStats>>;
	/**
	 * One stats frame, without streaming. With `oneShot` the engine answers at
	 * once but leaves precpu empty: pass the previous sample's CPU counters to
	 * computeSample. Without it, the engine waits for a second reading (~1 s).
	 */
	statsOnce(id: string, options?: {oneShot?: boolean}): Promise<RawStats>;
	/** `volumes` (remove only) removes the container's anonymous volumes with it, as `docker rm -v`. */
	containerAction(id: string, action: ContainerAction, options?: {force?: boolean; volumes?: boolean}): Promise<void>;
};

/** A container list, and a time on the engine's clock no later than it (see listContainersAt). */
export type ContainerListing = {rows: ContainerRow[]; at?: number};

/** The list endpoint's answer as the summaries dockerode would give; an error status thrown as docker-modem throws it, for classifyError. */
export function summariesFrom(answer: PlainAnswer): Dockerode.ContainerInfo[] {
	let json: unknown = answer.body;
	try {
		json = JSON.parse(answer.body);
	} catch {
		// A page, or nothing: kept as text, which classifyError reads as a web server's.
	}
	if (answer.status === 200 && Array.isArray(json)) return json as Dockerode.ContainerInfo[];
	if (answer.status === 200 && typeof json === 'object') json = {message: 'its container list is not a list'};
	throw Object.assign(new Error(`(HTTP code ${answer.status}) unexpected - ${engineMessage({json})}`), {statusCode: answer.status, json, reason: 'unexpected'});
}

/**
 * The container calls over one dockerode client. The list goes as a plain
 * HTTP/1.0 GET when the engine speaks plain HTTP (`plain`: a unix socket, an
 * ssh tunnel, tcp without TLS), and through dockerode otherwise.
 */
export function containersApi(docker: Dockerode, plain?: PlainEndpoint): ContainersApi {
	const inspectContainer = async (id: string) => {
		try {
			return rowFromInspect(await withDeadline('inspect', signal => docker.getContainer(id).inspect(signalled({}, signal))));
		} catch (error) {
			if ((error as {statusCode?: number}).statusCode === 404) return undefined;
			throw error;
		}
	};

	const listContainersAt = async (): Promise<ContainerListing> => {
		if (plain) {
			try {
				// The launcher may have asked already (engine/early-list.ts).
				const early = 'socketPath' in plain ? takeEarlyList(plain.socketPath) : undefined;
				const asked = early?.asked ?? performance.now();
				const answer = await withDeadline('list containers', signal => early?.answer ?? plainGet(plain, '/containers/json?all=1', signal));
				// The Date header is whole seconds and written after the list was taken: back by the round trip.
				const at = answer.date === undefined ? undefined : Math.floor(answer.date - (performance.now() - asked) / 1000);
				return {rows: summariesFrom(answer).map(rowFromSummary), ...(at === undefined ? {} : {at})};
			} catch (error) {
				// Something between us and the engine that does not answer HTTP/1.0 as Go does: dockerode's way.
				if (!(error instanceof NotPlainHttp)) throw error;
			}
		}
		const list = await withDeadline('list containers', signal => docker.listContainers(signalled({all: true}, signal)));
		return {rows: list.map(rowFromSummary)};
	};

	return {
		async ping(outer) {
			// @types/dockerode omits ping's options; dockerode 5 forwards abortSignal to the request.
			const ping = docker.ping as unknown as (options: {abortSignal?: AbortSignal}) => Promise<unknown>;
			// The caller's signal (the frozen-engine watch) may end it sooner than our own deadline.
			await withDeadline('ping', signal => ping.call(docker, {abortSignal: outer ? AbortSignal.any([signal, outer]) : signal}));
		},
		async engineId() {
			const info = (await withDeadline('info', signal => (docker.info as unknown as (o: object) => Promise<unknown>).call(docker, {abortSignal: signal}))) as {ID?: unknown; Name?: unknown; DockerRootDir?: unknown};
			return [info.ID, info.Name, info.DockerRootDir].map(part => String(part ?? '')).join(' ');
		},
		async product() {
			const version = await withDeadline('version', signal => (docker.version as unknown as (o: object) => Promise<unknown>).call(docker, {abortSignal: signal}));
			return engineProduct(version);
		},
		async listContainers() {
			return (await listContainersAt()).rows;
		},
		listContainersAt,
		inspectContainer,
		async events(signal, since) {
			// The engine accepts a subscription at once; one that never does is stuck. The deadline covers
			// only that acceptance: once the stream is open, quiet is normal and only `signal` ends it.
			const stream = (await withDeadline('subscribe to events', deadline =>
				(docker.getEvents as (options: object) => Promise<unknown>).call(docker, {abortSignal: AbortSignal.any([signal, deadline]), ...(since === undefined ? {} : {since: String(since)})}))) as Readable;
			return (async function* () {
				for await (const raw of ndjsonObjects<RawEvent>(stream, signal)) {
					yield {
						type: raw.Type ?? 'container',
						action: raw.Action ?? raw.status ?? '',
						id: raw.Actor?.ID ?? raw.id ?? '',
						attributes: raw.Actor?.Attributes ?? {},
						time: raw.timeNano ? Math.floor(raw.timeNano / 1e6) : (raw.time ?? 0) * 1000,
					};
				}
			})();
		},
		async stats(id, signal) {
			const stream = (await docker.getContainer(id).stats({stream: true, abortSignal: signal} as never)) as unknown as Readable;
			return ndjsonObjects<RawStats>(stream, signal);
		},
		async statsOnce(id, {oneShot = false} = {}) {
			return (await withDeadline('stats', signal => docker.getContainer(id).stats(signalled({stream: false as const, ...(oneShot ? {'one-shot': true} : {})}, signal)))) as unknown as RawStats;
		},
		async containerAction(id, action, options = {}) {
			const container = docker.getContainer(id);
			switch (action) {
				case 'start': await container.start(); break;
				case 'stop': await container.stop(); break;
				case 'restart': await container.restart(); break;
				case 'pause': await container.pause(); break;
				case 'unpause': await container.unpause(); break;
				case 'kill': await container.kill(); break;
				case 'remove': await container.remove({force: options.force ?? false, v: options.volumes ?? false}); break;
			}
		},
	};
}
