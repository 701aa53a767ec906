import {lineCommands, matchLine} from '../keys/line-commands.js';
import type {ViewScope} from '../keys/keymap.js';
import type {ViewName} from '../store/state.js';

/** The keymap's view scopes and the store's views are one list; this fails to compile when they drift. */
const sameViews: [ViewScope, ViewName] extends [ViewName, ViewScope] ? true : never = true;
void sameViews;

/** Names and short aliases the `:` command line and the CLI accept for each view, from the keymap's line table. */
export const viewNames: Record<string, ViewName> = Object.fromEntries(lineCommands.flatMap(entry => entry.view ? [entry.name, ...entry.aliases].map(name => [name, entry.view!]) : []));

/** The view a typed name means, if any: an exact name or alias, or a prefix only one view has. */
export function parseView(text: string): ViewName | undefined {
	return matchLine(text).match?.view;
}

/** The views by name, for `--help` and errors: "containers, images, ..., help". */
export function viewList(): string {
	return lineCommands.filter(entry => entry.view).map(entry => entry.name).join(', ');
}
