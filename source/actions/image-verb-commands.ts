import {selectedImage} from '../store/resources-selectors.js';
import {selectSelected} from '../store/selectors.js';
import type {Handlers} from './command-context.js';
import {askCommit, askPush, askTag, askUntag} from './image-verbs.js';
import {askLoad, askSave, askSaveMarked, markedImageRows} from './image-archive.js';
import {askBuild} from './build-actions.js';
import {askCopyIn, askCopyOut} from './copy-actions.js';

/** The images view's tag, untag and push keys; kept apart from the table's own handlers. */
export const imageVerbHandlers: Handlers = {
	tag: context => {
		const row = selectedImage(context.store.getSnapshot());
		if (row) askTag(context, row);
	},
	untag: context => {
		const row = selectedImage(context.store.getSnapshot());
		if (row) askUntag(context, row);
	},
	// With marks, every marked image goes into one tar; else the selected one.
	save: context => {
		const marked = markedImageRows(context.store.getSnapshot());
		if (marked.length > 0) return askSaveMarked(context, marked);
		const row = selectedImage(context.store.getSnapshot());
		if (row) askSave(context, row);
	},
	load: context => askLoad(context),
	build: context => askBuild(context),
	push: context => {
		const row = selectedImage(context.store.getSnapshot());
		if (row) askPush(context, row);
	},
};

/** The containers view's commit and copy keys. */
export const containerCommitHandlers: Handlers = {
	commit: context => {
		const row = selectSelected(context.store.getSnapshot());
		if (row) askCommit(context, {id: row.id, name: row.name});
	},
	'copy-out': context => {
		const row = selectSelected(context.store.getSnapshot());
		if (row) askCopyOut(context, {id: row.id, name: row.name});
	},
	'copy-in': context => {
		const row = selectSelected(context.store.getSnapshot());
		if (row) askCopyIn(context, {id: row.id, name: row.name});
	},
};
