import type {Binding, CommandId} from '../keys/keymap.js';
import {commandLineHelp} from '../keys/line-commands.js';
import type {ViewName} from '../store/state.js';
import {notify, setUi, setView} from '../store/ui-slice.js';
import type {CommandContext, Handlers} from './command-context.js';
import {containerHandlers} from './container-commands.js';
import {containerMarkHandlers} from './bulk-commands.js';
import {groupHandlers} from './group-commands.js';
import {openCustomCommand} from './custom-commands.js';
import {eventsHandlers} from './events-commands.js';
import {containerExecHandlers} from './exec-commands.js';
import {inspectHandlers} from './inspect-commands.js';
import {topHandlers} from './top-commands.js';
import {outputHandlers} from './output-commands.js';
import {helpHandlers} from './help-commands.js';
import {diskHandlers, diskUsageHandler, historyHandlers, imageHandlers, networkHandlers, volumeHandlers} from './resource-commands.js';
import {containerLogsHandlers, logsHandlers} from './logs-commands.js';
import {containerCommitHandlers, imageVerbHandlers} from './image-verb-commands.js';
import {registryHandlers} from './registry-actions.js';
import {containerFilesHandlers, filesHandlers} from './files-commands.js';
import {nodesHandlers, servicesHandlers, stacksHandlers, tasksHandlers} from './swarm-commands.js';

export type {CommandContext} from './command-context.js';

/** The containers view's handlers with the grouped table's layered over them. */
function withGroups(handlers: Handlers): Handlers {
	return {...handlers, ...groupHandlers(handlers)};
}

/** Commands that mean the same in every view. */
const globalHandlers: Handlers = {
	...diskUsageHandler,
	quit: ({quit}) => quit(),
	// In raw mode the terminal sends Ctrl-Z as a key, not a signal: raise it, and the terminal's owner stops the app cleanly (hooks/use-terminal-handover.ts).
	suspend: () => void process.kill(process.pid, 'SIGTSTP'),
	help: ({store}) => store.update(s => setView(s, s.ui.view === 'help' ? s.ui.helpFrom ?? 'containers' : 'help')),
	'command-line': ({store}) => store.update(s => setUi(s, {prompt: {kind: 'command', text: '', help: commandLineHelp()}})),
	'toggle-mouse': ({store}) => store.update(s => notify({...s, mouse: !s.mouse}, s.mouse ? 'mouse off: the terminal selects text again' : 'mouse on: click selects, double-click opens logs, the wheel scrolls')),
};

/**
 * The one table from command to handler: each view's own handlers, then the
 * global ones. `keys` names commands and imports nothing of ours; a view adds
 * its handlers here.
 */
const handlersByScope: Record<ViewName, Handlers> = {
	containers: withGroups({...containerHandlers, ...containerExecHandlers, ...containerLogsHandlers, ...containerCommitHandlers, ...containerFilesHandlers, ...containerMarkHandlers, 'custom-command': openCustomCommand}),
	help: helpHandlers,
	images: {...imageHandlers, ...imageVerbHandlers, 'custom-command': openCustomCommand},
	history: historyHandlers,
	registry: registryHandlers,
	files: filesHandlers,
	volumes: {...volumeHandlers, 'custom-command': openCustomCommand},
	networks: {...networkHandlers, 'custom-command': openCustomCommand},
	disk: diskHandlers,
	top: topHandlers,
	inspect: inspectHandlers,
	events: eventsHandlers,
	logs: logsHandlers,
	output: outputHandlers,
	services: servicesHandlers,
	tasks: tasksHandlers,
	nodes: nodesHandlers,
	stacks: stacksHandlers,
};

/** The handler a command has in a view: the view's own first, then the global one. */
export function handlerFor(view: ViewName, command: CommandId): Handlers[CommandId] {
	return handlersByScope[view]?.[command] ?? globalHandlers[command];
}

/**
 * Runs the command a binding names in the current view. The handler gets the
 * binding, so a confirmation is asked exactly when the keymap row says so.
 */
export function runCommand(binding: Binding, context: CommandContext): void {
	handlerFor(context.store.getSnapshot().ui.view, binding.command)?.({...context, binding});
}
