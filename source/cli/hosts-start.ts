import type {EngineTarget} from '../engine/connection.js';
import {EngineError} from '../engine/connection-errors.js';
import type {Engine} from '../engine/engine.js';
import {takeSnapshot, type SnapshotHost, type SnapshotRow} from './snapshot.js';

/** A host ready to be asked things: its name, where it is, and its engine. */
export type StartHost = {name: string; target: EngineTarget; engine: Engine};

/** `--once`/`--json` with several hosts: the output covers the hosts that answered, and at least one did not. */
export const EXIT_PARTIAL = 5;

/** Two targets that lead to one engine: refused at start, since every row would show twice. */
export class SameEngineError extends Error {}

/** Resolves with the value, or with undefined once `ms` have passed. */
async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<undefined>(resolve => {
		timer = setTimeout(() => resolve(undefined), ms);
	});
	try {
		return await Promise.race([work.catch(() => undefined), late]);
	} finally {
		clearTimeout(timer);
	}
}

/** What listedOrProbed needs of a host's sync: when its first list is in, and when its first session failed. */
export type FirstSession = {readonly listed: Promise<void>; readonly failedOnce: Promise<void>};

/**
 * Start-up's check of a single engine, when its sync has already started: a
 * container list in the store is proof enough that the engine answers, so no
 * ping is sent ahead of it (the ping, the first request through Node's HTTP
 * client, was 8 ms of every start). A first session that failed, or no list
 * within `waitMs`, gets the ping's verdict, which throws EngineError with the
 * classified failure (refused, not Docker, no answer in time: exit 3).
 */
export async function listedOrProbed(engine: Pick<Engine, 'probe'>, first: FirstSession, waitMs = 250): Promise<void> {
	const listed = await within(Promise.race([first.listed.then(() => true), first.failedOnce.then(() => false)]), waitMs);
	if (listed !== true) await engine.probe();
}

/**
 * Start-up's check of the one host: its ping, or with `listFirst` its sync
 * started at once and its first list for proof (listedOrProbed). A failure
 * stops what was started and throws the classified EngineError (exit 3).
 */
export async function checkOneHost(host: {engine: Pick<Engine, 'probe'>; sync: FirstSession}, owners: {start(): void; stop(): Promise<void>}, listFirst: boolean): Promise<void> {
	try {
		if (listFirst) {
			owners.start();
			await listedOrProbed(host.engine, host.sync);
		} else {
			await host.engine.probe();
		}
	} catch (error) {
		await owners.stop();
		throw error;
	}
}

/**
 * Asks each host for its engine ID (`/info`) at once, waiting at most
 * `deadlineMs` for each, and throws SameEngineError naming the first two
 * hosts with the same one. A host that does not answer in time is not
 * compared: start-up never waits on a host that is down.
 */
export async function checkDistinctEngines(hosts: readonly StartHost[], deadlineMs = 1500): Promise<void> {
	if (hosts.length < 2) return;
	const ids = await Promise.all(hosts.map(host => within(host.engine.ready().then(() => host.engine.engineId()), deadlineMs)));
	const seen = new Map<string, string>();
	hosts.forEach((host, index) => {
		const id = ids[index];
		if (!id) return;
		const other = seen.get(id);
		if (other !== undefined) throw new SameEngineError(`--host/--context "${other}" and "${host.name}" are the same engine (${id.split(' ').slice(1).join(' on ')}); give it once`);
		seen.set(id, host.name);
	});
}

/**
 * The `--once`/`--json` snapshot of several hosts, read side by side. A host
 * that cannot be reached is reported `down` with the reason and does not stop
 * the others. Rows carry their host's name.
 */
export async function snapshotHosts(hosts: readonly StartHost[]): Promise<{rows: SnapshotRow[]; hosts: SnapshotHost[]; failures: EngineError[]}> {
	const failures: EngineError[] = [];
	const results = await Promise.all(hosts.map(async ({name, engine}): Promise<{rows: SnapshotRow[]; host: SnapshotHost}> => {
		const description = engine.description;
		try {
			await engine.probe();
			const rows = await takeSnapshot(engine);
			for (const item of rows) item.row = {...item.row, host: name};
			return {rows, host: {name, target: description, status: 'up'}};
		} catch (error) {
			if (error instanceof EngineError) failures.push(error);
			const message = error instanceof EngineError ? error.failure.message : engine.explain(error);
			return {rows: [], host: {name, target: description, status: 'down', error: message}};
		}
	}));
	const rows = results.flatMap(result => result.rows).sort((a, b) => (a.row.host ?? '').localeCompare(b.row.host ?? '') || a.row.name.localeCompare(b.row.name));
	return {rows, hosts: results.map(result => result.host), failures};
}
