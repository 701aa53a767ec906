import type {Binding, Scope} from '../keys/keymap.js';
import {setUi, setView} from '../store/ui-slice.js';
import type {CommandContext, Handlers} from './command-context.js';
import {containerHandlers} from './container-commands.js';
import {eventsHandlers} from './events-commands.js';
import {containerExecHandlers} from './exec-commands.js';
import {inspectHandlers} from './inspect-commands.js';
import {topHandlers} from './top-commands.js';
import {helpHandlers} from './help-commands.js';
import {diskHandlers, diskUsageHandler, historyHandlers, imageHandlers, networkHandlers, volumeHandlers} from './resource-commands.js';
import {containerLogsHandlers, logsHandlers} from './logs-commands.js';

export type {CommandContext} from './command-context.js';

/** Commands that mean the same in every view. */
const globalHandlers: Handlers = {
	...diskUsageHandler,
	quit: ({quit}) => quit(),
	help: ({store}) => store.update(s => setView(s, s.ui.view === 'help' ? 'containers' : 'help')),
	'command-line': ({store}) => store.update(s => setUi(s, {prompt: {kind: 'command', text: ''}})),
};

/** Each view's own handlers; a view adds its table here. */
const handlersByScope: Record<Exclude<Scope, 'global'>, Handlers> = {
	containers: {...containerHandlers, ...containerExecHandlers, ...containerLogsHandlers},
	help: helpHandlers,
	images: imageHandlers,
	history: historyHandlers,
	volumes: volumeHandlers,
	networks: networkHandlers,
	disk: diskHandlers,
	top: topHandlers,
	inspect: inspectHandlers,
	events: eventsHandlers,
	logs: logsHandlers,
};

/** Runs the command a binding names: the current view's handler first, then the global one. */
export function runCommand(binding: Binding, context: CommandContext): void {
	const view = context.store.getSnapshot().ui.view;
	const handler = handlersByScope[view]?.[binding.command] ?? globalHandlers[binding.command];
	handler?.(context);
}
