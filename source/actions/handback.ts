import type {AppState} from '../store/state.js';
import type {Store} from '../store/store.js';
import type {CommandContext} from './command-context.js';

/**
 * How long the keyboard must be quiet after an exec, attach or command ends
 * before Porthole takes keys again. Someone typing into a shell that just
 * died (container removed, link dropped) keeps typing for a moment: those
 * keys were meant for the child and must not act on the table (`rm -f` would
 * read as restart, `ps` as pause and stop).
 */
export const handbackQuietMs = 400;

/**
 * The first mode of the input stack: while a handover is set (the session
 * runs, or is being handed back) every key is swallowed, and its time kept so
 * the hand-back waits for the typing to stop.
 */
export function handbackMode(_key: string, _input: string, {store}: CommandContext): boolean {
	if (!store.getSnapshot().handover) return false;
	const keyAt = Date.now();
	store.update(state => state.handover ? {...state, handover: {...state.handover, keyAt}} : state);
	return true;
}

/**
 * Resolves once no key has arrived for `quietMs` since `from` (the session's
 * end) or since the last swallowed key, whichever is later.
 */
export async function waitForQuiet(store: Store, from: number, quietMs = handbackQuietMs): Promise<void> {
	for (;;) {
		const last = Math.max(from, lastKey(store.getSnapshot()));
		const wait = last + quietMs - Date.now();
		if (wait <= 0) return;
		await new Promise(resolve => setTimeout(resolve, wait));
	}
}

const lastKey = (state: AppState) => state.handover?.keyAt ?? 0;
