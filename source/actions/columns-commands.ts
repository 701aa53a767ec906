import {containerColumnKeys} from '../format/container-cells.js';
import {imageColumnSpecs} from '../format/image-cells.js';
import {networkColumnSpecs} from '../format/network-cells.js';
import {volumeColumnSpecs} from '../format/volume-cells.js';
import type {UiState} from '../store/state.js';
import {notify, setUi} from '../store/ui-slice.js';
import type {CommandContext} from './command-context.js';

/** The tables whose columns can be picked, and the names of their columns in their usual order. */
export const columnChoices = {
	containers: containerColumnKeys as readonly string[],
	images: imageColumnSpecs.map(spec => spec.key),
	volumes: volumeColumnSpecs.map(spec => spec.key),
	networks: networkColumnSpecs.map(spec => spec.key),
} as const;
type TableView = keyof typeof columnChoices;

/** Writes a table's columns into the config file (undefined: all, the default); resolves with what to tell the user. */
export type SaveColumns = (view: TableView, columns: readonly string[] | undefined) => Promise<{text: string; level: 'info' | 'error'}>;

/**
 * The `:columns` line, or false when `text` is not one. In a table view:
 * `:columns` says which are shown and which exist; `:columns NAME...` shows
 * those, in that order; `:columns all` shows them all again; `:columns save`
 * writes the current choice to the config file (`save` is given by the
 * composition root, which knows the file).
 */
export function runColumnsLine(text: string, context: CommandContext): boolean {
	const [word = '', ...rest] = text.trim().replace(/^:/, '').split(/[\s,]+/);
	if (word !== 'columns' && word !== 'cols') return false;
	const {store} = context;
	const state = store.getSnapshot();
	const view = state.ui.view === 'help' ? state.ui.helpFrom : state.ui.view;
	if (!view || !(view in columnChoices)) {
		store.update(s => notify(s, `:columns works in the containers, images, volumes and networks tables`, 'error'));
		return true;
	}
	const table = view as TableView;
	const all = columnChoices[table];
	const current = state.ui.columns?.[table];
	const args = rest.filter(Boolean);
	if (args.length === 0) {
		store.update(s => notify(s, `${table} columns: ${(current ?? all).join(' ')} (of ${all.join(' ')}; :columns NAME... picks, all resets, save keeps)`));
	} else if (args.length === 1 && args[0] === 'save') {
		if (!context.saveColumns) store.update(s => notify(s, 'there is no config file to save to here', 'error'));
		else void context.saveColumns(table, current).then(result => store.update(s => notify(s, result.text, result.level)));
	} else if (args.length === 1 && args[0] === 'all') {
		store.update(s => notify(setColumns(s, table, undefined), `${table}: every column that fits (:columns save keeps it)`));
	} else {
		const unknown = args.filter(name => !all.includes(name));
		if (unknown.length > 0) store.update(s => notify(s, `no ${table} column ${unknown.map(name => `"${name}"`).join(', ')} (columns: ${all.join(' ')})`, 'error'));
		else store.update(s => notify(setColumns(s, table, [...new Set(args)]), `${table} columns: ${[...new Set(args)].join(' ')} (:columns save keeps them)`));
	}
	return true;
}

function setColumns(state: Parameters<typeof setUi>[0], view: TableView, columns: readonly string[] | undefined) {
	const next: UiState['columns'] = {...state.ui.columns};
	if (columns) next[view] = columns;
	else delete next[view];
	return setUi(state, {columns: next});
}
