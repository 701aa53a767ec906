import {sanitizeText} from '../format/sanitize.js';
import {openTop} from '../store/top-slice.js';
import {notify} from '../store/ui-slice.js';
import type {Handlers} from './command-context.js';
import {onSelectedContainer} from './on-selected.js';
import {attachToContainer, execInContainer, promptForCommand} from './exec-actions.js';
import {showInspect} from './inspect-actions.js';

/** What the containers view adds for issue 4: exec, attach, top and inspect on the selected container. */
export const containerExecHandlers: Handlers = {
	exec: onSelectedContainer((context, row) => void execInContainer(context, row)),
	'exec-command': onSelectedContainer(promptForCommand),
	attach: onSelectedContainer((context, row) => void attachToContainer(context, row)),
	'open-top': onSelectedContainer(({store}, row) => {
		if (row.state !== 'running') {
			store.update(s => notify(s, `${sanitizeText(row.name)} is not running (${row.state}); top needs a running container`, 'error'));
			return;
		}
		store.update(s => openTop(s, row.id, row.name));
	}),
	'open-inspect': onSelectedContainer((context, row) => void showInspect(context, {kind: 'container', id: row.id, name: row.name})),
};
