import type {Binding, Scope} from './keymap.js';

/** Moving through a swarm table. */
function moves(scope: Scope, noun: string): Binding[] {
	return [
		{command: 'up', keys: ['up', 'k'], description: 'Move up', scope, dangerous: false},
		{command: 'down', keys: ['down', 'j'], description: 'Move down', scope, dangerous: false},
		{command: 'page-up', keys: ['pageup', 'ctrl+b'], description: 'Page up', scope, dangerous: false},
		{command: 'page-down', keys: ['pagedown', 'ctrl+f'], description: 'Page down', scope, dangerous: false},
		{command: 'top', keys: ['g', 'home'], description: `First ${noun}`, scope, dangerous: false},
		{command: 'bottom', keys: ['G', 'end'], description: `Last ${noun}`, scope, dangerous: false},
	];
}

/** The Swarm views' rows: services, a service's tasks, nodes and stacks. Spread into the keymap. */
export const swarmBindings: readonly Binding[] = [
	...moves('services', 'service'),
	{command: 'filter', keys: ['/'], description: 'Filter by name, stack or image (substring)', scope: 'services', dangerous: false, hint: 'filter'},
	{command: 'back', keys: ['escape'], description: 'Clear the filter; else back to containers', scope: 'services', dangerous: false},
	{command: 'open-tasks', keys: ['return'], description: 'Tasks of the service: slot, node, state, error', scope: 'services', dangerous: false, hint: 'tasks'},
	{command: 'logs', keys: ['l'], description: "Logs of the service's tasks on this engine, merged by time", scope: 'services', dangerous: false, hint: 'logs'},
	{command: 'scale', keys: ['s'], description: 'Scale the service (asks for the replica count)', scope: 'services', dangerous: true, hint: 'scale'},
	{command: 'force-update', keys: ['r'], description: 'Rolling restart: replace every task (ForceUpdate)', scope: 'services', dangerous: true, confirm: 'interrupts', hint: 'restart'},
	{command: 'rollback', keys: ['b'], description: 'Roll the service back to its previous spec', scope: 'services', dangerous: true, confirm: 'interrupts'},
	{command: 'remove', keys: ['D', 'ctrl+d'], description: 'Remove the service and its tasks', scope: 'services', dangerous: true, confirm: 'destroys', hint: 'remove'},
	{command: 'refresh', keys: ['R', 'ctrl+r'], description: 'List the services again now', scope: 'services', dangerous: false},
	...moves('tasks', 'task'),
	{command: 'back', keys: ['escape', 'q'], description: 'Back to services', scope: 'tasks', dangerous: false, hint: 'back'},
	{command: 'open-inspect', keys: ['i'], description: "Inspect JSON of the task's container (on this node)", scope: 'tasks', dangerous: false, hint: 'inspect'},
	{command: 'logs', keys: ['l'], description: "Logs of the task's container (on this node)", scope: 'tasks', dangerous: false, hint: 'logs'},
	{command: 'exec', keys: ['e'], description: "Open a shell in the task's container (on this node; exit returns)", scope: 'tasks', dangerous: true, hint: 'shell'},
	{command: 'refresh', keys: ['R', 'ctrl+r'], description: 'List the tasks again now', scope: 'tasks', dangerous: false},
	...moves('nodes', 'node'),
	{command: 'filter', keys: ['/'], description: 'Filter by hostname, role, availability or state', scope: 'nodes', dangerous: false, hint: 'filter'},
	{command: 'back', keys: ['escape'], description: 'Clear the filter; else back to containers', scope: 'nodes', dangerous: false},
	{command: 'node-active', keys: ['a'], description: 'Set the node active: it takes tasks again', scope: 'nodes', dangerous: true, hint: 'active'},
	{command: 'node-pause', keys: ['p'], description: 'Pause the node: no new tasks, running ones stay', scope: 'nodes', dangerous: true, confirm: 'interrupts', hint: 'pause'},
	{command: 'node-drain', keys: ['d'], description: 'Drain the node: its tasks move to other nodes', scope: 'nodes', dangerous: true, confirm: 'interrupts', hint: 'drain'},
	{command: 'refresh', keys: ['R', 'ctrl+r'], description: 'List the nodes again now', scope: 'nodes', dangerous: false},
	...moves('stacks', 'stack'),
	{command: 'filter', keys: ['/'], description: 'Filter by stack name', scope: 'stacks', dangerous: false, hint: 'filter'},
	{command: 'back', keys: ['escape'], description: 'Clear the filter; else back to containers', scope: 'stacks', dangerous: false},
	{command: 'open-services', keys: ['return'], description: 'Services of the stack (the services view, filtered)', scope: 'stacks', dangerous: false, hint: 'services'},
	{command: 'logs', keys: ['l'], description: 'Logs of every task of the stack on this engine, merged by time', scope: 'stacks', dangerous: false, hint: 'logs'},
	{command: 'remove', keys: ['D', 'ctrl+d'], description: 'Remove every service of the stack', scope: 'stacks', dangerous: true, confirm: 'destroys', hint: 'remove'},
	{command: 'refresh', keys: ['R', 'ctrl+r'], description: 'List the services again now', scope: 'stacks', dangerous: false},
];
