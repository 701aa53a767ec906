/** Where a binding applies. `global` bindings work in every view unless a view binds the same key. */
export type Scope = 'global' | 'containers' | 'help';

/** Every command a key can trigger. */
export type CommandId =
	| 'quit' | 'help' | 'command-line' | 'back'
	| 'up' | 'down' | 'page-up' | 'page-down' | 'top' | 'bottom'
	| 'filter' | 'toggle-stopped' | 'toggle-detail'
	| 'sort-next' | 'sort-reverse' | 'sort-name' | 'sort-cpu' | 'sort-memory'
	| 'start-stop' | 'restart' | 'pause' | 'kill' | 'remove';

/** One row of the keymap. */
export type Binding = {
	command: CommandId;
	/** Key names as `keyName` produces them: a character, or `up`, `pagedown`, `escape`, `ctrl+c`... */
	keys: string[];
	description: string;
	scope: Scope;
	/** Changes engine state (or runs code in a container). Hidden and unreachable with --read-only. */
	dangerous: boolean;
	/** Asks for confirmation first, in a dialog that names the target. */
	confirm?: boolean;
	/** Shown in the footer. */
	hint?: string;
};

/** The keymap: the single source for dispatch, the footer and the help pane. */
export const keymap: readonly Binding[] = [
	{command: 'quit', keys: ['q', 'ctrl+c'], description: 'Quit Porthole', scope: 'global', dangerous: false, hint: 'quit'},
	{command: 'help', keys: ['?'], description: 'Show or hide this help', scope: 'global', dangerous: false, hint: 'help'},
	{command: 'command-line', keys: [':'], description: 'Command line: :containers, :help (aliases :co, :h)', scope: 'global', dangerous: false, hint: 'view'},
	{command: 'back', keys: ['escape'], description: 'Go back, or clear the filter', scope: 'global', dangerous: false},
	{command: 'up', keys: ['up', 'k'], description: 'Move up', scope: 'containers', dangerous: false},
	{command: 'down', keys: ['down', 'j'], description: 'Move down', scope: 'containers', dangerous: false},
	{command: 'page-up', keys: ['pageup', 'ctrl+b'], description: 'Page up', scope: 'containers', dangerous: false},
	{command: 'page-down', keys: ['pagedown', 'ctrl+f'], description: 'Page down', scope: 'containers', dangerous: false},
	{command: 'top', keys: ['g', 'home'], description: 'First row', scope: 'containers', dangerous: false},
	{command: 'bottom', keys: ['G', 'end'], description: 'Last row', scope: 'containers', dangerous: false},
	{command: 'filter', keys: ['/'], description: 'Filter by name, image or project (substring or regex)', scope: 'containers', dangerous: false, hint: 'filter'},
	{command: 'toggle-stopped', keys: ['h'], description: 'Hide or show stopped containers', scope: 'containers', dangerous: false, hint: 'hide stopped'},
	{command: 'toggle-detail', keys: ['return'], description: 'Show or hide the detail area', scope: 'containers', dangerous: false},
	{command: 'sort-next', keys: ['o'], description: 'Sort by the next column', scope: 'containers', dangerous: false, hint: 'sort'},
	{command: 'sort-reverse', keys: ['O'], description: 'Reverse the sort order', scope: 'containers', dangerous: false},
	{command: 'sort-name', keys: ['N'], description: 'Sort by name', scope: 'containers', dangerous: false},
	{command: 'sort-cpu', keys: ['C'], description: 'Sort by CPU', scope: 'containers', dangerous: false},
	{command: 'sort-memory', keys: ['M'], description: 'Sort by memory', scope: 'containers', dangerous: false},
	{command: 'start-stop', keys: ['s'], description: 'Start or stop the container', scope: 'containers', dangerous: true, hint: 'start/stop'},
	{command: 'restart', keys: ['r'], description: 'Restart the container', scope: 'containers', dangerous: true, hint: 'restart'},
	{command: 'pause', keys: ['p'], description: 'Pause or unpause the container', scope: 'containers', dangerous: true},
	{command: 'kill', keys: ['K'], description: 'Kill the container (asks first)', scope: 'containers', dangerous: true, confirm: true},
	{command: 'remove', keys: ['D', 'ctrl+d'], description: 'Remove the container (asks first)', scope: 'containers', dangerous: true, confirm: true, hint: 'remove'},
	{command: 'up', keys: ['up', 'k'], description: 'Scroll up', scope: 'help', dangerous: false},
	{command: 'down', keys: ['down', 'j'], description: 'Scroll down', scope: 'help', dangerous: false},
];
