import type {AppState} from '../store/state.js';
import {selectSelected} from '../store/selectors.js';
import {notify} from '../store/ui-slice.js';
import type {CommandContext, Handler} from './command-context.js';

/**
 * A handler that runs `work` on the row `select` picks from the store. With
 * none (an empty or filtered-out table), it says "no WHAT selected" in the
 * status bar rather than doing nothing without a word.
 */
export function onSelected<T>(select: (state: AppState) => T | undefined, what: string, work: (context: CommandContext, row: T) => void): Handler {
	return context => {
		const row = select(context.store.getSnapshot());
		if (row !== undefined) work(context, row);
		else context.store.update(state => notify(state, `no ${what} selected`, 'error'));
	};
}

/** The selected container's row. */
export type SelectedContainer = NonNullable<ReturnType<typeof selectSelected>>;

/** `onSelected` for the containers table. */
export function onSelectedContainer(work: (context: CommandContext, row: SelectedContainer) => void): Handler {
	return onSelected(selectSelected, 'container', work);
}
