import type {PendingConfirm} from '../store/state.js';
import {setUi} from '../store/ui-slice.js';
import type {CommandContext} from './command-context.js';

/**
 * Asks before `pending.run` when the keymap row that started the command says
 * it confirms, and runs it at once when the row says it does not. Rows marked
 * `interrupts` (stop, restart, pause, kill) skip the question with
 * --no-confirm; rows marked `destroys` (remove, prune) always ask. A question
 * raised outside a key (a second "force?" dialog, overwriting a file) always
 * asks. The dialog's keys come from the keymap's `confirm` scope.
 */
export function askFirst(context: Pick<CommandContext, 'store' | 'binding'>, pending: PendingConfirm): void {
	const {store, binding} = context;
	const mode = binding ? binding.confirm : 'destroys';
	if (!mode || (mode === 'interrupts' && store.getSnapshot().noConfirm)) {
		pending.run();
		return;
	}
	store.update(state => setUi(state, {confirm: pending}));
}
