import type {ContainerRow} from '../domain/container.js';
import type {ContainerAction, Engine} from '../engine/engine.js';
import type {Store} from '../store/store.js';
import {notify, setUi} from '../store/ui-slice.js';
import {sanitizeText} from '../format/sanitize.js';

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
export async function runContainerAction(engine: Engine, store: Store, row: ContainerRow, action: ContainerAction, options: {force?: boolean} = {}): Promise<void> {
	const name = sanitizeText(row.name);
	if (store.getSnapshot().readOnly) {
		store.update(state => notify(state, `read-only: ${action} is disabled`, 'error'));
		return;
	}
	store.update(state => notify(state, `${action} ${name}…`));
	try {
		await engine.containerAction(row.id, action, options);
		store.update(state => notify(state, `${name} ${pastTense[action]}`));
	} catch (error) {
		const text = engine.isGone(error)
			? `${name} no longer exists`
			: `${action} ${name} failed: ${sanitizeText(engine.explain(error))}`;
		store.update(state => notify(state, text, 'error'));
	}
}

/** The toggle behind `s`: stop what runs, start what does not. */
export function startOrStop(row: ContainerRow): ContainerAction {
	return row.state === 'running' || row.state === 'restarting' || row.state === 'paused' ? 'stop' : 'start';
}

/** Opens the confirmation for kill or remove, naming the container. */
export function askConfirm(store: Store, row: ContainerRow, action: 'kill' | 'remove'): void {
	store.update(state => setUi(state, {confirm: {action, id: row.id, name: row.name, running: row.state === 'running' || row.state === 'paused'}}));
}
