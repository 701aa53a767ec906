import {swarmBindings} from './swarm-keymap.js';

/** The views, each a scope of its own. */
export type ViewScope = 'containers' | 'help' | 'images' | 'volumes' | 'networks' | 'disk' | 'history' | 'top' | 'inspect' | 'events' | 'logs' | 'output' | 'services' | 'tasks' | 'nodes' | 'stacks' | 'registry' | 'files';

/**
 * Where a binding applies. `global` bindings work in every view unless a view
 * binds the same key. `prompt` (a line being typed) and `confirm` (a yes/no
 * dialog) are modes above the views: they get every key first.
 */
export type Scope = 'global' | ViewScope | 'prompt' | 'confirm';

/** Every command a key can trigger. */
export type CommandId =
	| 'quit' | 'help' | 'command-line' | 'back' | 'suspend'
	| 'up' | 'down' | 'page-up' | 'page-down' | 'top' | 'bottom'
	| 'filter' | 'toggle-stopped' | 'toggle-detail'
	| 'sort-next' | 'sort-reverse' | 'sort-name' | 'sort-cpu' | 'sort-memory'
	| 'start-stop' | 'restart' | 'pause' | 'kill' | 'remove'
	| 'disk-usage' | 'toggle-untagged' | 'image-history' | 'pull' | 'prune' | 'prune-all' | 'create'
	| 'exec' | 'exec-command' | 'attach' | 'open-top' | 'open-inspect'
	| 'sort-pid' | 'reveal-secrets' | 'search' | 'search-next' | 'search-previous' | 'event-type'
	| 'logs' | 'logs-project' | 'log-invert' | 'log-timestamps' | 'log-wrap' | 'log-pause'
	| 'log-tail-100' | 'log-tail-1k' | 'log-tail-10k' | 'log-since-1m' | 'log-since-15m' | 'log-since-1h' | 'log-since-24h' | 'log-all'
	| 'log-save' | 'log-save-view' | 'refresh'
	| 'open-tasks' | 'open-services' | 'scale' | 'force-update' | 'rollback' | 'node-active' | 'node-pause' | 'node-drain'
	| 'tag' | 'untag' | 'push' | 'commit' | 'save' | 'load' | 'build' | 'copy-out' | 'copy-in'
	| 'open-files' | 'open-entry' | 'parent'
	| 'mark' | 'mark-all' | 'mark-invert' | 'mark-clear' | 'group-projects' | 'fold' | 'custom-command' | 'split-logs' | 'compose-up' | 'compose-down'
	| 'submit' | 'cancel' | 'complete' | 'clear-line' | 'delete-back' | 'yes' | 'yes-also'
	| 'toggle-mouse';

/**
 * How a command confirms: `destroys` always asks (what it deletes does not
 * come back); `interrupts` asks unless --no-confirm (stop, restart, pause, kill).
 */
export type Confirm = 'destroys' | 'interrupts';

/** One row of the keymap. */
export type Binding = {
	command: CommandId;
	/** Key names as `keyName` produces them: a character, or `up`, `pagedown`, `escape`, `ctrl+c`... */
	keys: string[];
	description: string;
	scope: Scope;
	/** Changes engine state (or runs code in a container). Hidden and unreachable with --read-only. */
	dangerous: boolean;
	/** Asks for confirmation first, in a dialog that names the target (actions/confirm.ts); absent: acts at once. */
	confirm?: Confirm;
	/** Shown in the footer. */
	hint?: string;
};

/** Moving through a table, the same in every table scope. */
function tableKeys(scope: Scope, noun: string): Binding[] {
	return [
		{command: 'up', keys: ['up', 'k'], description: 'Move up', scope, dangerous: false},
		{command: 'down', keys: ['down', 'j'], description: 'Move down', scope, dangerous: false},
		{command: 'page-up', keys: ['pageup', 'ctrl+b'], description: 'Page up', scope, dangerous: false},
		{command: 'page-down', keys: ['pagedown', 'ctrl+f'], description: 'Page down', scope, dangerous: false},
		{command: 'top', keys: ['g', 'home'], description: `First ${noun}`, scope, dangerous: false},
		{command: 'bottom', keys: ['G', 'end'], description: `Last ${noun}`, scope, dangerous: false},
	];
}

/**
 * Scrolling a log that follows, and searching it: the same in the logs view
 * and in the output view (a build's log), so each key means one thing in both.
 */
function followKeys(scope: Scope): Binding[] {
	return [
		{command: 'up', keys: ['up', 'k'], description: 'Scroll up (pauses the follow)', scope, dangerous: false},
		{command: 'down', keys: ['down', 'j'], description: 'Scroll down (the follow resumes at the end)', scope, dangerous: false},
		{command: 'page-up', keys: ['pageup', 'ctrl+b'], description: 'Page up (pauses the follow)', scope, dangerous: false},
		{command: 'page-down', keys: ['pagedown', 'ctrl+f'], description: 'Page down', scope, dangerous: false},
		{command: 'top', keys: ['g', 'home'], description: 'Oldest line held', scope, dangerous: false},
		{command: 'bottom', keys: ['G', 'end'], description: 'Newest line, and follow again', scope, dangerous: false, hint: 'follow'},
		{command: 'log-pause', keys: [' '], description: 'Pause or resume the follow', scope, dangerous: false},
		{command: 'search', keys: ['/'], description: 'Search (regex or text), matches highlighted', scope, dangerous: false, hint: 'search'},
		{command: 'search-next', keys: ['n'], description: 'Next match, going up (older)', scope, dangerous: false},
		{command: 'search-previous', keys: ['N'], description: 'Previous match, going down (newer)', scope, dangerous: false},
	];
}

/** Filter, sort, inspect and Esc, the same in the images, volumes and networks tables. */
function filterSortKeys(scope: Scope, fields: string, back = 'Clear the filter; else back to containers'): Binding[] {
	return [
		{command: 'filter', keys: ['/'], description: `Filter by ${fields} (substring or regex)`, scope, dangerous: false, hint: 'filter'},
		{command: 'sort-next', keys: ['o'], description: 'Sort by the next column', scope, dangerous: false, hint: 'sort'},
		{command: 'sort-reverse', keys: ['O'], description: 'Reverse the sort order', scope, dangerous: false},
		{command: 'open-inspect', keys: ['i'], description: 'Inspect JSON', scope, dangerous: false, hint: 'inspect'},
		{command: 'back', keys: ['escape'], description: back, scope, dangerous: false},
	];
}

/**
 * Marking rows, the same in every table that has bulk actions. Space as in
 * k9s and Midnight Commander; `*` inverts as in Midnight Commander; Ctrl-A
 * selects all as everywhere (with `+` for those whose screen or tmux prefix
 * is Ctrl-A); `-` clears as Midnight Commander's unselect, and `u` too where
 * nothing else takes it (images have `u` for untag).
 */
function markKeys(scope: Scope, nouns: string, clearKeys: string[] = ['u', '-']): Binding[] {
	return [
		{command: 'mark', keys: [' '], description: `Mark or unmark the row and move down (actions act on the marked ${nouns})`, scope, dangerous: false, hint: 'mark'},
		{command: 'mark-all', keys: ['ctrl+a', '+'], description: `Mark every ${nouns.replace(/s$/, '')} shown (after the filter)`, scope, dangerous: false},
		{command: 'mark-invert', keys: ['*'], description: `Invert the marks of the ${nouns} shown`, scope, dangerous: false},
		{command: 'mark-clear', keys: clearKeys, description: 'Clear every mark (Esc does too, once no filter is left)', scope, dangerous: false},
	];
}

/** The built-in keymap, before a config file's `keys` (keys/keymap-overrides.ts). */
export const defaultKeymap: readonly Binding[] = [
	{command: 'quit', keys: ['q', 'ctrl+c'], description: 'Quit Porthole (where q goes back: :q or Ctrl-C)', scope: 'global', dangerous: false, hint: 'quit'},
	{command: 'help', keys: ['?'], description: 'Show or hide this help', scope: 'global', dangerous: false, hint: 'help'},
	{command: 'suspend', keys: ['ctrl+z'], description: 'Suspend Porthole to the shell (fg brings it back)', scope: 'global', dangerous: false},
	{command: 'command-line', keys: [':'], description: 'Command line: open a view by name (the : names below), or quit', scope: 'global', dangerous: false, hint: 'view'},
	{command: 'back', keys: ['escape'], description: 'Go back, or clear the filter', scope: 'global', dangerous: false},
	{command: 'up', keys: ['up', 'k'], description: 'Move up', scope: 'containers', dangerous: false},
	{command: 'down', keys: ['down', 'j'], description: 'Move down', scope: 'containers', dangerous: false},
	{command: 'page-up', keys: ['pageup', 'ctrl+b'], description: 'Page up', scope: 'containers', dangerous: false},
	{command: 'page-down', keys: ['pagedown', 'ctrl+f'], description: 'Page down', scope: 'containers', dangerous: false},
	{command: 'top', keys: ['g', 'home'], description: 'First row', scope: 'containers', dangerous: false},
	{command: 'bottom', keys: ['G', 'end'], description: 'Last row', scope: 'containers', dangerous: false},
	{command: 'filter', keys: ['/'], description: 'Filter by text or regex; !text inverts; label:key=value', scope: 'containers', dangerous: false, hint: 'filter'},
	{command: 'toggle-stopped', keys: ['h'], description: 'Hide or show stopped containers', scope: 'containers', dangerous: false, hint: 'hide stopped'},
	{command: 'toggle-detail', keys: ['return'], description: 'Show or hide the detail area', scope: 'containers', dangerous: false},
	{command: 'sort-next', keys: ['o'], description: 'Sort by the next column', scope: 'containers', dangerous: false, hint: 'sort'},
	{command: 'sort-reverse', keys: ['O'], description: 'Reverse the sort order', scope: 'containers', dangerous: false},
	{command: 'sort-name', keys: ['N'], description: 'Sort by name', scope: 'containers', dangerous: false},
	{command: 'sort-cpu', keys: ['C'], description: 'Sort by CPU', scope: 'containers', dangerous: false},
	{command: 'sort-memory', keys: ['M'], description: 'Sort by memory', scope: 'containers', dangerous: false},
	{command: 'start-stop', keys: ['s'], description: 'Start the container, or stop it', scope: 'containers', dangerous: true, confirm: 'interrupts', hint: 'start/stop'},
	{command: 'restart', keys: ['r'], description: 'Restart the container', scope: 'containers', dangerous: true, confirm: 'interrupts', hint: 'restart'},
	{command: 'pause', keys: ['p'], description: 'Pause or unpause the container', scope: 'containers', dangerous: true, confirm: 'interrupts'},
	{command: 'kill', keys: ['K'], description: 'Kill the container', scope: 'containers', dangerous: true, confirm: 'interrupts'},
	{command: 'remove', keys: ['D', 'ctrl+d'], description: 'Remove the container', scope: 'containers', dangerous: true, confirm: 'destroys', hint: 'remove'},
	{command: 'copy-out', keys: ['y'], description: 'Copy a file or folder out of the container to a local folder', scope: 'containers', dangerous: false},
	{command: 'copy-in', keys: ['Y'], description: 'Copy a local file or folder into the container', scope: 'containers', dangerous: true},
	{command: 'open-files', keys: ['F'], description: 'Browse the container\'s files; y/Y copy (stopped too, no shell needed)', scope: 'containers', dangerous: false},
	{command: 'commit', keys: ['c'], description: 'Commit the container to an image (repo:tag, message, author, pause)', scope: 'containers', dangerous: true},
	...markKeys('containers', 'containers'),
	{command: 'group-projects', keys: ['P'], description: 'Group by compose project (s, r, D on a project act on all of it)', scope: 'containers', dangerous: false, hint: 'projects'},
	{command: 'custom-command', keys: ['!'], description: 'Run one of your commands (config commands:) on the container or project', scope: 'containers', dangerous: false},
	{command: 'split-logs', keys: ['v'], description: 'Split: the selected container\'s logs below the table (l: full screen)', scope: 'containers', dangerous: false, hint: 'split'},
	{command: 'compose-up', keys: ['W'], description: 'Compose up -d the selected project (needs compose)', scope: 'containers', dangerous: true, confirm: 'interrupts'},
	{command: 'compose-down', keys: ['X'], description: 'Compose down the selected project (needs compose)', scope: 'containers', dangerous: true, confirm: 'destroys'},
	{command: 'fold', keys: ['z'], description: 'Fold or unfold the selected project (grouped; Enter on it too)', scope: 'containers', dangerous: false},
	{command: 'back', keys: ['escape', 'q'], description: 'Back to the view help was opened over', scope: 'help', dangerous: false},
	{command: 'up', keys: ['up', 'k'], description: 'Scroll up', scope: 'help', dangerous: false},
	{command: 'down', keys: ['down', 'j'], description: 'Scroll down', scope: 'help', dangerous: false},
	{command: 'disk-usage', keys: ['U'], description: 'Disk usage: images, containers, volumes, build cache (also :df)', scope: 'global', dangerous: false},
	{command: 'toggle-mouse', keys: ['ctrl+o'], description: 'Mouse on or off: clicks and the wheel (config: mouse)', scope: 'global', dangerous: false},
	...tableKeys('images', 'image'),
	...filterSortKeys('images', 'repository:tag or ID', 'Cancel a pull, push, save or load; else clear filter; else back'),
	{command: 'toggle-untagged', keys: ['a'], description: 'Show or hide dangling and intermediate images', scope: 'images', dangerous: false, hint: 'all'},
	{command: 'image-history', keys: ['return', 'H'], description: 'Layer history of the image', scope: 'images', dangerous: false, hint: 'history'},
	{command: 'pull', keys: ['P'], description: 'Pull an image by name:tag (Esc cancels)', scope: 'images', dangerous: true, hint: 'pull'},
	{command: 'remove', keys: ['D', 'ctrl+d'], description: 'Remove the image, or untag this tag', scope: 'images', dangerous: true, confirm: 'destroys', hint: 'remove'},
	{command: 'prune', keys: ['x'], description: 'Prune dangling images (says how much)', scope: 'images', dangerous: true, confirm: 'destroys', hint: 'prune'},
	{command: 'prune-all', keys: ['X'], description: 'Prune every image no container uses', scope: 'images', dangerous: true, confirm: 'destroys'},
	{command: 'tag', keys: ['t'], description: 'Tag the image as repo:tag', scope: 'images', dangerous: true, hint: 'tag'},
	{command: 'untag', keys: ['u'], description: 'Remove this tag, keeping the image (not its last tag)', scope: 'images', dangerous: true, confirm: 'destroys'},
	{command: 'save', keys: ['S'], description: 'Save the image, or all marked ones, to one tar file (Esc cancels)', scope: 'images', dangerous: false, hint: 'save'},
	{command: 'load', keys: ['L'], description: 'Load images from a tar file (Esc cancels)', scope: 'images', dangerous: true},
	{command: 'build', keys: ['B'], description: 'Build from a folder (also :build; Esc in its log cancels)', scope: 'images', dangerous: true, hint: 'build'},
	{command: 'push', keys: ['p'], description: 'Push a tag to its registry, with docker config credentials (Esc cancels)', scope: 'images', dangerous: true, hint: 'push'},
	{command: 'custom-command', keys: ['!'], description: 'Run one of your commands (config commands:) on the image', scope: 'images', dangerous: false},
	...markKeys('images', 'images', ['-']),
	...tableKeys('volumes', 'volume'),
	...filterSortKeys('volumes', 'name, driver or container'),
	{command: 'create', keys: ['c'], description: 'Create a named volume', scope: 'volumes', dangerous: true, hint: 'create'},
	{command: 'remove', keys: ['D', 'ctrl+d'], description: 'Remove the volume (refused while in use)', scope: 'volumes', dangerous: true, confirm: 'destroys', hint: 'remove'},
	{command: 'prune', keys: ['x'], description: 'Prune unused volumes (says how much)', scope: 'volumes', dangerous: true, confirm: 'destroys', hint: 'prune'},
	{command: 'refresh', keys: ['R', 'ctrl+r'], description: 'Read the volumes and their sizes again (also every 30 s while shown)', scope: 'volumes', dangerous: false, hint: 'refresh'},
	{command: 'custom-command', keys: ['!'], description: 'Run one of your commands (config commands:) on the volume', scope: 'volumes', dangerous: false},
	...markKeys('volumes', 'volumes'),
	...tableKeys('networks', 'network'),
	...filterSortKeys('networks', 'name, driver, subnet or container'),
	{command: 'remove', keys: ['D', 'ctrl+d'], description: 'Remove the network (not bridge, host or none)', scope: 'networks', dangerous: true, confirm: 'destroys', hint: 'remove'},
	{command: 'custom-command', keys: ['!'], description: 'Run one of your commands (config commands:) on the network', scope: 'networks', dangerous: false},
	...markKeys('networks', 'networks'),
	...tableKeys('registry', 'row'),
	{command: 'pull', keys: ['P'], description: 'Pull the selected repository:tag (progress in the images view; Esc there cancels)', scope: 'registry', dangerous: true, hint: 'pull'},
	{command: 'back', keys: ['escape', 'q'], description: 'Stop reading the registry; back to where it was opened', scope: 'registry', dangerous: false, hint: 'back'},
	...tableKeys('files', 'entry'),
	{command: 'open-entry', keys: ['return', 'right', 'l'], description: 'Open the folder (a link to a folder is followed)', scope: 'files', dangerous: false, hint: 'open'},
	{command: 'parent', keys: ['backspace', 'h', 'left'], description: 'Up to the parent folder', scope: 'files', dangerous: false, hint: 'up'},
	{command: 'copy-out', keys: ['y'], description: 'Copy the selected file or folder out to a local folder (progress; Esc cancels)', scope: 'files', dangerous: false, hint: 'copy out'},
	{command: 'copy-in', keys: ['Y'], description: 'Copy a local file or folder into this folder (progress; Esc cancels)', scope: 'files', dangerous: true, hint: 'copy in'},
	{command: 'filter', keys: ['/'], description: 'Filter the names (substring or regex)', scope: 'files', dangerous: false, hint: 'filter'},
	{command: 'refresh', keys: ['R', 'ctrl+r'], description: 'Read the folder again', scope: 'files', dangerous: false},
	{command: 'back', keys: ['escape', 'q'], description: 'Cancel a running copy; else clear the filter; else back to containers', scope: 'files', dangerous: false, hint: 'back'},
	...tableKeys('history', 'layer'),
	{command: 'back', keys: ['escape', 'q'], description: 'Back to images', scope: 'history', dangerous: false, hint: 'back'},
	{command: 'back', keys: ['escape'], description: 'Back to containers', scope: 'disk', dangerous: false},
	{command: 'refresh', keys: ['R', 'ctrl+r'], description: 'Read disk usage again (also every 30 s while shown)', scope: 'disk', dangerous: false, hint: 'refresh'},
	{command: 'exec', keys: ['e'], description: 'Open a shell in the container (bash, ash or sh; exit returns)', scope: 'containers', dangerous: true, hint: 'shell'},
	{command: 'exec-command', keys: ['E'], description: 'Run a command in the container and show its output', scope: 'containers', dangerous: true},
	{command: 'back', keys: ['escape', 'q'], description: 'Clear the search; else cancel a running build; else go back', scope: 'output', dangerous: false, hint: 'back'},
	...followKeys('output'),
	{command: 'log-save', keys: ['s'], description: 'Save the lines (a build\'s whole log as held) to a file', scope: 'output', dangerous: false, hint: 'save'},
	{command: 'attach', keys: ['a'], description: 'Attach to the main process (detach: Ctrl-P Ctrl-Q)', scope: 'containers', dangerous: true},
	{command: 'open-top', keys: ['t'], description: 'Processes of the container (top)', scope: 'containers', dangerous: false, hint: 'top'},
	{command: 'open-inspect', keys: ['i'], description: 'Inspect JSON of the container', scope: 'containers', dangerous: false, hint: 'inspect'},
	{command: 'logs', keys: ['l'], description: 'Logs of the container (or of the marked ones, merged): follow, search, save', scope: 'containers', dangerous: false, hint: 'logs'},
	{command: 'logs-project', keys: ['L'], description: 'Logs of the whole compose project, merged by time', scope: 'containers', dangerous: false},
	{command: 'back', keys: ['escape', 'q'], description: 'Back to containers', scope: 'top', dangerous: false, hint: 'back'},
	{command: 'up', keys: ['up', 'k'], description: 'Move up', scope: 'top', dangerous: false},
	{command: 'down', keys: ['down', 'j'], description: 'Move down', scope: 'top', dangerous: false},
	{command: 'page-up', keys: ['pageup', 'ctrl+b'], description: 'Page up', scope: 'top', dangerous: false},
	{command: 'page-down', keys: ['pagedown', 'ctrl+f'], description: 'Page down', scope: 'top', dangerous: false},
	{command: 'top', keys: ['g', 'home'], description: 'First process', scope: 'top', dangerous: false},
	{command: 'bottom', keys: ['G', 'end'], description: 'Last process', scope: 'top', dangerous: false},
	{command: 'sort-cpu', keys: ['C'], description: 'Sort by CPU', scope: 'top', dangerous: false, hint: 'cpu'},
	{command: 'sort-memory', keys: ['M'], description: 'Sort by memory', scope: 'top', dangerous: false, hint: 'mem'},
	{command: 'sort-pid', keys: ['P'], description: 'Sort by PID', scope: 'top', dangerous: false, hint: 'pid'},
	{command: 'back', keys: ['escape', 'q'], description: 'Clear the search; else back to where inspect was opened', scope: 'inspect', dangerous: false, hint: 'back'},
	{command: 'up', keys: ['up', 'k'], description: 'Scroll up', scope: 'inspect', dangerous: false},
	{command: 'down', keys: ['down', 'j'], description: 'Scroll down', scope: 'inspect', dangerous: false},
	{command: 'page-up', keys: ['pageup', 'ctrl+b'], description: 'Page up', scope: 'inspect', dangerous: false},
	{command: 'page-down', keys: ['pagedown', 'ctrl+f', ' '], description: 'Page down', scope: 'inspect', dangerous: false},
	{command: 'top', keys: ['g', 'home'], description: 'First line', scope: 'inspect', dangerous: false},
	{command: 'bottom', keys: ['G', 'end'], description: 'Last line', scope: 'inspect', dangerous: false},
	{command: 'search', keys: ['/'], description: 'Search the document', scope: 'inspect', dangerous: false, hint: 'search'},
	{command: 'search-next', keys: ['n'], description: 'Next match', scope: 'inspect', dangerous: false},
	{command: 'search-previous', keys: ['N'], description: 'Previous match', scope: 'inspect', dangerous: false},
	{command: 'reveal-secrets', keys: ['m'], description: 'Reveal or mask secret-looking values (PASSWORD, TOKEN, KEY...)', scope: 'inspect', dangerous: false, hint: 'reveal secrets'},
	{command: 'up', keys: ['up', 'k'], description: 'Scroll back', scope: 'events', dangerous: false},
	{command: 'down', keys: ['down', 'j'], description: 'Scroll forward', scope: 'events', dangerous: false},
	{command: 'page-up', keys: ['pageup', 'ctrl+b'], description: 'Page back', scope: 'events', dangerous: false},
	{command: 'page-down', keys: ['pagedown', 'ctrl+f'], description: 'Page forward', scope: 'events', dangerous: false},
	{command: 'top', keys: ['g', 'home'], description: 'Oldest event', scope: 'events', dangerous: false},
	{command: 'bottom', keys: ['G', 'end'], description: 'Newest event, and follow', scope: 'events', dangerous: false},
	{command: 'filter', keys: ['/'], description: 'Filter events by text (substring or regex)', scope: 'events', dangerous: false, hint: 'filter'},
	{command: 'event-type', keys: ['t'], description: 'Show one event type: all, container, image, volume, network...', scope: 'events', dangerous: false, hint: 'type'},
	{command: 'back', keys: ['escape', 'q'], description: 'Clear the search, then the filter; else back to where the logs were opened', scope: 'logs', dangerous: false, hint: 'back'},
	...followKeys('logs'),
	{command: 'filter', keys: ['f'], description: 'Filter: keep only lines matching a regex or text', scope: 'logs', dangerous: false, hint: 'filter'},
	{command: 'log-invert', keys: ['v'], description: 'Invert the filter: keep the lines that do not match', scope: 'logs', dangerous: false},
	{command: 'log-timestamps', keys: ['t'], description: 'Show or hide timestamps', scope: 'logs', dangerous: false, hint: 'time'},
	{command: 'log-wrap', keys: ['w'], description: 'Wrap long lines, or cut them at the edge', scope: 'logs', dangerous: false, hint: 'wrap'},
	{command: 'log-tail-100', keys: ['1'], description: 'Load the last 100 lines', scope: 'logs', dangerous: false},
	{command: 'log-tail-1k', keys: ['2'], description: 'Load the last 1,000 lines', scope: 'logs', dangerous: false},
	{command: 'log-tail-10k', keys: ['3'], description: 'Load the last 10,000 lines', scope: 'logs', dangerous: false},
	{command: 'log-since-1m', keys: ['4'], description: 'Load the lines of the last minute', scope: 'logs', dangerous: false},
	{command: 'log-since-15m', keys: ['5'], description: 'Load the lines of the last 15 minutes', scope: 'logs', dangerous: false},
	{command: 'log-since-1h', keys: ['6'], description: 'Load the lines of the last hour', scope: 'logs', dangerous: false},
	{command: 'log-since-24h', keys: ['7'], description: 'Load the lines of the last 24 hours', scope: 'logs', dangerous: false},
	{command: 'log-all', keys: ['0'], description: 'Load the whole log (the newest lines that fit the buffer)', scope: 'logs', dangerous: false},
	{command: 'log-save', keys: ['s'], description: 'Save the complete log, read again from the engine, to a file', scope: 'logs', dangerous: false, hint: 'save'},
	{command: 'log-save-view', keys: ['S'], description: 'Save the lines in view (as filtered) to a file', scope: 'logs', dangerous: false},
	...swarmBindings,
	{command: 'submit', keys: ['return'], description: 'Run the line, or keep the filter', scope: 'prompt', dangerous: false},
	{command: 'cancel', keys: ['escape'], description: 'Cancel the line (a filter is cleared)', scope: 'prompt', dangerous: false},
	{command: 'complete', keys: ['tab'], description: 'Complete a view name after :', scope: 'prompt', dangerous: false},
	{command: 'delete-back', keys: ['backspace'], description: 'Delete the character before the cursor', scope: 'prompt', dangerous: false},
	{command: 'clear-line', keys: ['ctrl+u'], description: 'Clear the line', scope: 'prompt', dangerous: false},
	{command: 'yes', keys: ['y'], description: 'Yes: do it (Enter and any other key cancel)', scope: 'confirm', dangerous: false},
	{command: 'yes-also', keys: ['v'], description: 'Yes, with the second choice the dialog offers (and its volumes)', scope: 'confirm', dangerous: false},
];

/**
 * The keymap in force: the single source for dispatch, the footer and the
 * help pane. It is the default table until the composition root installs the
 * one built from the defaults and the config file, once, before the first
 * frame (a live binding, so every reader sees the installed table).
 */
export let keymap: readonly Binding[] = defaultKeymap;

/** Puts a checked keymap in force (the composition root; tests restore the default). */
export function installKeymap(rows: readonly Binding[]): void {
	keymap = rows;
}
