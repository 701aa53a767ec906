import {composeLabel, type ContainerRow, type ContainerState} from './container.js';

/** The parts of an engine event that say what happened to a container. */
export type ContainerEventFacts = {id: string; action: string; attributes: Record<string, string>; time: number};

/** The state each lifecycle action leaves a container in. */
const stateAfter: Record<string, ContainerState> = {
	create: 'created',
	start: 'running',
	restart: 'running',
	unpause: 'running',
	pause: 'paused',
	die: 'exited',
	stop: 'exited',
};

/** Event attributes that are not labels (Podman adds containerExitCode and podId to every event). */
const notLabels = new Set(['image', 'name', 'exitCode', 'signal', 'execDuration', 'containerExitCode', 'podId', 'health_status']);

/** What a container event asks of the sync: nothing, forget the container, or re-read it. */
export type ContainerEventKind = 'noise' | 'destroy' | 'change';

/**
 * Actions that change nothing we show; re-reading on them causes refresh
 * storms. Docker's exec_* and the like, and Podman's own: `init` comes before
 * every start (whose `start` says it all), and `exec` / `exec_died` around
 * every exec. Podman's `cleanup` is not noise: an inspect at `die` may still
 * say "dead", and only after `cleanup` does it say "exited".
 */
const noise = /^(exec$|exec_|top$|attach$|resize$|detach$|export$|commit$|copy$|archive-path$|extract-to-dir$|init$)/;

/**
 * Classifies a container event's action, whichever engine sent it. Podman
 * says `remove` where Docker says `destroy` (Docker has no container
 * `remove` event), and both mean the container is gone for good.
 */
export function containerEventKind(action: string): ContainerEventKind {
	const verb = (action.split(':')[0] ?? '').trim();
	if (noise.test(verb)) return 'noise';
	if (verb === 'destroy' || verb === 'remove') return 'destroy';
	return 'change';
}

/**
 * What a container event already tells us, applied to the row we know (or, for
 * a new container, a provisional row from the event's name, image and labels).
 * The screen can change at once; the inspect that follows fills in the rest.
 * Returns undefined when the event changes nothing we show.
 */
export function rowAfterEvent(known: ContainerRow | undefined, event: ContainerEventFacts): ContainerRow | undefined {
	const [action = '', said = ''] = event.action.split(':').map(part => part.trim());
	const at = event.time || Date.now();
	if (action === 'health_status') {
		// Docker puts the status in the action ("health_status: healthy"); Podman in an attribute.
		const detail = said || (event.attributes.health_status ?? '').trim();
		if (!known || (detail !== 'healthy' && detail !== 'unhealthy' && detail !== 'starting')) return undefined;
		return known.health === detail ? undefined : {...known, health: detail};
	}
	const state = stateAfter[action];
	if (!state) return undefined;
	const base = known ?? (action === 'create' || action === 'start' ? provisionalRow(event, at) : undefined);
	if (!base) return undefined;
	const row: ContainerRow = {...base, state};
	if (action === 'start' || action === 'restart') row.startedAt = at;
	if (action === 'die') {
		const exitCode = Number(event.attributes.exitCode);
		if (Number.isInteger(exitCode)) row.exitCode = exitCode;
		row.finishedAt = at;
	}
	return row;
}

function provisionalRow(event: ContainerEventFacts, at: number): ContainerRow {
	const labels: Record<string, string> = {};
	for (const [key, value] of Object.entries(event.attributes)) if (!notLabels.has(key)) labels[key] = value;
	return {
		id: event.id,
		name: event.attributes.name ?? event.id.slice(0, 12),
		image: event.attributes.image ?? '',
		state: 'created',
		health: undefined,
		exitCode: 0,
		startedAt: 0,
		createdAt: at,
		finishedAt: 0,
		ports: [],
		labels,
		restartCount: 0,
		command: '',
		mounts: [],
		tty: false,
		composeProject: labels[composeLabel],
	};
}
