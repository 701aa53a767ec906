import {movedIndex, type Move} from '../domain/selection-move.js';
import {selectFileRow, visibleFileRows} from '../store/files-slice.js';
import {selectSelected} from '../store/selectors.js';
import type {AppState} from '../store/state.js';
import {setUi} from '../store/ui-slice.js';
import type {Handlers} from './command-context.js';
import {askCopyEntryOut, askCopyIntoFolder, filesBack, goToFolder, goUp, openEntry, openFileBrowser} from './files-actions.js';
import {moveHandlers} from './navigation.js';

function moveFile(state: AppState, move: Move): AppState {
	const files = state.files;
	if (!files) return state;
	const selected = movedIndex(files.selected, visibleFileRows(state).length, move);
	return selected === undefined ? state : selectFileRow(state, selected);
}

/** What the file browser does with each command. */
export const filesHandlers: Handlers = {
	...moveHandlers('files', moveFile),
	'open-entry': context => void openEntry(context),
	parent: context => void goUp(context),
	'copy-out': context => askCopyEntryOut(context),
	'copy-in': context => askCopyIntoFolder(context),
	filter: ({store}) => store.update(s => setUi(s, {prompt: {kind: 'filter', text: s.ui.filter}})),
	refresh: context => {
		const files = context.store.getSnapshot().files;
		if (files) void goToFolder(context, files.path);
	},
	back: filesBack,
};

/** `F` in the containers view: the selected container's files. */
export const containerFilesHandlers: Handlers = {
	'open-files': context => {
		const row = selectSelected(context.store.getSnapshot());
		if (row) void openFileBrowser(context, {id: row.id, name: row.name});
	},
};
