import {sanitizeText} from '../format/sanitize.js';
import {selectSelected} from '../store/selectors.js';
import {openTop} from '../store/top-slice.js';
import {notify} from '../store/ui-slice.js';
import type {CommandContext, Handlers} from './command-context.js';
import {attachToContainer, execInContainer, promptForCommand} from './exec-actions.js';
import {showInspect} from './inspect-actions.js';

type Row = NonNullable<ReturnType<typeof selectSelected>>;

const onSelected = (work: (context: CommandContext, row: Row) => void) => (context: CommandContext) => {
	const row = selectSelected(context.store.getSnapshot());
	if (row) work(context, row);
	else context.store.update(s => notify(s, 'no container selected', 'error'));
};

/** What the containers view adds for issue 4: exec, attach, top and inspect on the selected container. */
export const containerExecHandlers: Handlers = {
	exec: onSelected((context, row) => void execInContainer(context, row)),
	'exec-command': onSelected(promptForCommand),
	attach: onSelected((context, row) => void attachToContainer(context, row)),
	'open-top': onSelected(({store}, row) => {
		if (row.state !== 'running') {
			store.update(s => notify(s, `${sanitizeText(row.name)} is not running (${row.state}); top needs a running container`, 'error'));
			return;
		}
		store.update(s => openTop(s, row.id, row.name));
	}),
	'open-inspect': onSelected((context, row) => void showInspect(context, {kind: 'container', id: row.id, name: row.name})),
};
