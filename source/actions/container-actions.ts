import type {ContainerRow} from '../domain/container.js';
import {isAnonymousVolume} from '../domain/volume.js';
import type {ContainerAction, Engine} from '../engine/engine.js';
import type {Store} from '../store/store.js';
import {notify} from '../store/ui-slice.js';
import type {CommandContext} from './command-context.js';
import {askFirst} from './confirm.js';
import {sanitizeText} from '../format/sanitize.js';
import {shortIds} from '../format/short-ids.js';

const pastTense: Record<ContainerAction, string> = {
	start: 'started',
	stop: 'stopped',
	restart: 'restarted',
	pause: 'paused',
	unpause: 'unpaused',
	kill: 'killed',
	remove: 'removed',
};

/**
 * Runs one container action and reports the outcome in the status bar: the
 * result, the engine's own error message, or that the container has vanished.
 * Never throws. Refuses outright in read-only mode, as a second fence behind
 * the keymap.
 */
export async function runContainerAction(engine: Engine, store: Store, row: ContainerRow, action: ContainerAction, options: {force?: boolean; volumes?: boolean} = {}): Promise<void> {
	const name = sanitizeText(row.name);
	if (store.getSnapshot().readOnly) {
		store.update(state => notify(state, `read-only: ${action} is disabled`, 'error'));
		return;
	}
	store.update(state => notify(state, `${action} ${name}…`));
	try {
		await engine.containerAction(row.id, action, options);
		store.update(state => notify(state, `${name} ${pastTense[action]}${options.volumes ? ' with its anonymous volumes' : ''}`));
	} catch (error) {
		const text = engine.isGone(error)
			? `${name} no longer exists`
			: `${action} ${name} failed: ${shortIds(sanitizeText(engine.explain(error)))}`;
		store.update(state => notify(state, text, 'error'));
	}
}

/** The toggle behind `s`: stop what runs, start what does not. */
export function startOrStop(row: ContainerRow): ContainerAction {
	return row.state === 'running' || row.state === 'restarting' || row.state === 'paused' ? 'stop' : 'start';
}

/** The actions that ask first, with the words their dialog uses. */
export type AskedAction = Exclude<ContainerAction, 'start' | 'unpause'> | 'unpause';

const titles: Record<AskedAction, string> = {stop: 'Stop', restart: 'Restart', pause: 'Pause', unpause: 'Unpause', kill: 'Kill', remove: 'Remove'};

/** The question a confirmation asks, naming the container and what the action does to it. */
export function confirmQuestion(row: ContainerRow, action: AskedAction): string {
	const name = sanitizeText(row.name);
	switch (action) {
		case 'kill': return `Kill container ${name}? It gets SIGKILL and no time to clean up.`;
		case 'stop': return `Stop container ${name}? It gets SIGTERM, then SIGKILL after its stop timeout.`;
		case 'restart': return `Restart container ${name}? Its processes stop and start again.`;
		case 'pause': return `Pause container ${name}? Its processes freeze until unpaused.`;
		case 'unpause': return `Unpause container ${name}? Its processes run again.`;
		case 'remove': return isRunning(row) ? `Remove container ${name}? It is running and will be killed first.` : `Remove container ${name}?`;
	}
}

/** True while the container has processes: running, paused or restarting. */
export function isRunning(row: ContainerRow): boolean {
	return row.state === 'running' || row.state === 'paused' || row.state === 'restarting';
}

/** How many anonymous volumes the container mounts (`docker rm -v` removes those, never named ones). */
export function anonymousVolumeCount(row: ContainerRow): number {
	return row.mounts.filter(mount => mount.type === 'volume' && mount.name !== undefined && isAnonymousVolume(mount.name, {})).length;
}

/**
 * Confirms (when the keymap row that started it says so) and runs one
 * action. On yes it acts on the container as the store knows it then: one
 * that vanished meanwhile is reported, not acted on. Removing a container
 * with anonymous volumes gets a second yes (`v`) that removes them with it,
 * as `docker rm -v` does; a plain yes leaves them, as `docker rm` does.
 */
export function askConfirm(context: Pick<CommandContext, 'engine' | 'store' | 'binding'>, row: ContainerRow, action: AskedAction): void {
	const {engine, store} = context;
	const act = (volumes: boolean) => () => {
		const current = store.getSnapshot().containers.get(row.id);
		if (!current) {
			store.update(state => notify(state, `${sanitizeText(row.name)} no longer exists`, 'error'));
			return;
		}
		void runContainerAction(engine, store, current, action, {force: action === 'remove' && isRunning(current), ...(volumes ? {volumes} : {})});
	};
	const anonymous = action === 'remove' ? anonymousVolumeCount(row) : 0;
	const alternative = anonymous > 0
		? {label: `yes, and remove its ${anonymous === 1 ? 'anonymous volume' : `${anonymous} anonymous volumes`}`, run: act(true)}
		: undefined;
	askFirst(context, {title: titles[action], question: confirmQuestion(row, action), target: row.name, run: act(false), ...(alternative ? {alternative} : {})});
}
