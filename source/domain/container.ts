/** A published or exposed port of a container, as the engine lists it. */
export type PortMapping = {
	privatePort: number;
	publicPort?: number;
	ip?: string;
	type: string;
};

/** A mount of a container: bind, volume or tmpfs. */
export type MountInfo = {
	type: string;
	source: string;
	destination: string;
	name?: string;
	readOnly: boolean;
};

/** Container lifecycle state as the engine reports it. */
export type ContainerState =
	| 'created'
	| 'running'
	| 'paused'
	| 'restarting'
	| 'removing'
	| 'exited'
	| 'dead';

/** Health check state, when the image or container defines one. */
export type HealthState = 'starting' | 'healthy' | 'unhealthy' | undefined;

/** One row of the containers pane: everything the engine says about a container, plainly typed. */
export type ContainerRow = {
	id: string;
	/** The short name of the engine that owns it, when several are on screen (set by that engine's sync). */
	host?: string;
	name: string;
	image: string;
	/** The full ID of the image it was created from ("sha256:…"), so images can count their containers. */
	imageId?: string;
	state: ContainerState;
	health: HealthState;
	exitCode: number;
	/** Epoch milliseconds; 0 when never started. */
	startedAt: number;
	/** Epoch milliseconds. */
	createdAt: number;
	/** Epoch milliseconds; 0 when not finished. */
	finishedAt: number;
	ports: PortMapping[];
	labels: Record<string, string>;
	restartCount: number;
	command: string;
	mounts: MountInfo[];
	/** True when the container was created with a TTY: its logs are one stream. */
	tty: boolean;
	/** The `com.docker.compose.project` label, if any. */
	composeProject?: string;
	/** True when the kernel killed its last run for exceeding the memory limit (State.OOMKilled); inspect only. */
	oomKilled?: boolean;
};

/** The label compose puts on every container of a project; its value is the project's name. */
export const composeLabel = 'com.docker.compose.project';

/** True for states in which the engine can stream stats. */
export function isLive(state: ContainerState): boolean {
	return state === 'running' || state === 'paused' || state === 'restarting';
}

/** How many restarts in a row, with the latest start this recent, make a crash loop of a running container. */
export const crashLoopRestarts = 3;
/** How recent that latest start must be, in milliseconds. */
export const crashLoopWindowMs = 60_000;

/**
 * True when the container is failing over and over: the engine is between
 * restarts of it (state restarting, after at least one restart), or it has
 * restarted three or more times and the latest start was under a minute ago.
 * A row has no history of restart counts; these two cover Docker's restart
 * back-off, in which a looping container spends most of its time restarting.
 */
export function isCrashLooping(row: Pick<ContainerRow, 'state' | 'restartCount' | 'startedAt'>, now: number): boolean {
	if (row.state === 'restarting') return row.restartCount > 0;
	return row.state === 'running' && row.restartCount >= crashLoopRestarts && row.startedAt > 0 && now - row.startedAt < crashLoopWindowMs;
}

/** True when the row's last run ended in an OOM kill and it is not running again. */
export function wasOomKilled(row: Pick<ContainerRow, 'state' | 'oomKilled'>): boolean {
	return row.oomKilled === true && (row.state === 'exited' || row.state === 'dead' || row.state === 'restarting');
}

/** A Swarm task's container: its service, slot (0 for a global service's task) and stack ('' outside one). */
export type SwarmTaskOf = {service: string; slot: number; stack: string};

/**
 * The service and slot of a container a Swarm task runs, from the labels the
 * engine puts on it (`com.docker.swarm.service.name`, `com.docker.swarm.task.name`
 * = "service.slot.taskid", `com.docker.stack.namespace`); undefined for any
 * other container.
 */
export function swarmTaskOf(labels: Readonly<Record<string, string>>): SwarmTaskOf | undefined {
	const service = labels['com.docker.swarm.service.name'];
	if (!service) return undefined;
	const task = labels['com.docker.swarm.task.name'] ?? '';
	const slot = task.startsWith(`${service}.`) ? /^(\d+)\./.exec(task.slice(service.length + 1))?.[1] : undefined;
	return {service, slot: slot ? Number(slot) : 0, stack: labels['com.docker.stack.namespace'] ?? ''};
}

/** How a task's container is named on screen: "web.2" (a global service's task: the service's name), not "web.2.<task id>". */
export function swarmTaskName(task: SwarmTaskOf): string {
	return task.slot > 0 ? `${task.service}.${task.slot}` : task.service;
}
