import {labelFor} from './key-labels.js';
import type {CommandId, ViewScope} from './keymap.js';

/** What the `:` line accepts: a view to open, a command to run, or (neither set) a line with an argument that actions/host-commands.ts reads. */
export type LineCommand = {
	name: string;
	/** Short forms that match exactly (`:co`, `:im`). */
	aliases: string[];
	description: string;
	view?: ViewScope;
	command?: CommandId;
};

/**
 * Everything `:` understands, in the order help and `--help` list it. The
 * prompt's hint, the "unknown view" error, `--help` and completion are all
 * generated from here, so a new view is named everywhere once it is added.
 */
export const lineCommands: readonly LineCommand[] = [
	{name: 'containers', aliases: ['container', 'co', 'ps'], view: 'containers', description: 'Containers (the first view)'},
	{name: 'images', aliases: ['image', 'im'], view: 'images', description: 'Images'},
	{name: 'volumes', aliases: ['volume', 'vol'], view: 'volumes', description: 'Volumes'},
	{name: 'networks', aliases: ['network', 'net'], view: 'networks', description: 'Networks'},
	{name: 'services', aliases: ['service', 'svc'], view: 'services', description: 'Swarm services (on a manager)'},
	{name: 'stacks', aliases: ['stack', 'st'], view: 'stacks', description: 'Swarm stacks (on a manager)'},
	{name: 'nodes', aliases: ['node', 'no'], view: 'nodes', description: 'Swarm nodes (on a manager)'},
	{name: 'df', aliases: ['disk', 'du'], view: 'disk', description: 'Disk usage'},
	{name: 'events', aliases: ['ev'], view: 'events', description: 'Engine events'},
	{name: 'logs', aliases: ['log'], view: 'logs', description: 'The logs view'},
	{name: 'help', aliases: ['h', '?'], view: 'help', description: 'Keys'},
	{name: 'host', aliases: ['hosts'], description: 'Several hosts: show one (:host NAME), or all again (:host)'},
	{name: 'build', aliases: [], description: 'Build an image: :build FOLDER [-t repo:tag] [--build-arg K=V] [--target STAGE]'},
	{name: 'registry', aliases: ['reg'], description: 'Browse a v2 registry: :registry HOST[:PORT] (repositories, tags, sizes; P pulls)'},
	{name: 'hub', aliases: [], description: 'Search Docker Hub through the engine: :hub TERM (P pulls)'},
	{name: 'ctx', aliases: ['context'], description: 'Docker contexts: list, switch (:ctx NAME), add (:ctx +NAME)'},
	{name: 'columns', aliases: ['cols'], description: 'This table\'s columns: list, pick (:columns name state cpu), all, save (to the config)'},
	{name: 'quit', aliases: ['q', 'q!'], command: 'quit', description: 'Quit Porthole'},
];

/** What a typed line means: one entry, several (an ambiguous prefix), or none. */
export type LineMatch = {match?: LineCommand; candidates: LineCommand[]};

/**
 * Resolves a typed line: an exact name or alias first, else a prefix of the
 * names and aliases that only one entry has (`:ima` is images). An ambiguous
 * prefix gives every candidate and no match.
 */
export function matchLine(text: string, table: readonly LineCommand[] = lineCommands): LineMatch {
	const word = text.trim().replace(/^:/, '').toLowerCase();
	if (word === '') return {candidates: []};
	const exact = table.find(entry => entry.name === word || entry.aliases.includes(word));
	if (exact) return {match: exact, candidates: [exact]};
	const candidates = table.filter(entry => [entry.name, ...entry.aliases].some(name => name.startsWith(word)));
	return candidates.length === 1 ? {match: candidates[0], candidates} : {candidates};
}

/**
 * Tab on the `:` line: a unique match completes to its name; several extend
 * the text to their longest common prefix and are listed.
 */
export function completeLine(text: string, table: readonly LineCommand[] = lineCommands): {text: string; candidates: string[]} {
	const word = text.trim().replace(/^:/, '').toLowerCase();
	const candidates = table.filter(entry => entry.name.startsWith(word) || entry.aliases.some(alias => alias.startsWith(word)));
	if (candidates.length === 1) return {text: candidates[0]!.name, candidates: [candidates[0]!.name]};
	const names = candidates.map(entry => entry.name);
	const starting = names.filter(name => name.startsWith(word));
	let common = starting[0] ?? word;
	for (const name of starting) while (!name.startsWith(common)) common = common.slice(0, -1);
	return {text: starting.length > 0 && common.length > word.length ? common : text, candidates: names};
}

/** The names `:` accepts, for hints and errors: "containers, images, ..., quit". */
export function lineNames(table: readonly LineCommand[] = lineCommands): string {
	return table.map(entry => entry.name).join(', ');
}

/** The `:` prompt's hint: every name it takes and its keys. */
export function commandLineHelp(): string {
	return `${lineNames()}; ${labelFor('complete', 'prompt')} completes, ${labelFor('submit', 'prompt')} runs, ${labelFor('cancel', 'prompt')} cancels`;
}
