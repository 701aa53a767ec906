import {z} from 'zod';
import {defaultKeymap, type Scope} from '../keys/keymap.js';
import {keyNamePattern, keyNameHelp} from '../keys/key-names.js';
import {containerColumnKeys} from '../format/container-cells.js';
import {imageColumnSpecs} from '../format/image-cells.js';
import {volumeColumnSpecs} from '../format/volume-cells.js';
import {networkColumnSpecs} from '../format/network-cells.js';
import {sortCycle} from '../actions/container-commands.js';
import {themeNames, colourRoles, colourPattern} from '../format/theme.js';
import {commandScopes, fieldNames, unknownField} from '../domain/command-template.js';

/** One key as the keymap spells it: a character, a named key (`return`, `escape`, `pageup`...) or `ctrl+x`. */
const keyName = z.string().regex(keyNamePattern, `expected a key: ${keyNameHelp}`).meta({id: 'key', description: `A key: ${keyNameHelp}`});

/** One key or a list (the JSON Schema holds it once, in $defs). */
const keyList = z.union([keyName, z.array(keyName).min(1, 'expected at least one key: every action stays reachable')]).meta({id: 'keys'});

/** A scope's actions, each taking one key or a list; generated from the keymap so editors complete the names. */
function scopeKeys(scope: Scope) {
	const commands = [...new Set(defaultKeymap.filter(binding => binding.scope === scope).map(binding => binding.command))];
	const shape = Object.fromEntries(commands.map(command => [command, keyList.optional()]));
	return z.strictObject(shape).optional();
}

const scopes = [...new Set(defaultKeymap.map(binding => binding.scope))];

const colour = z.string().regex(colourPattern, 'expected a colour name (red, green, yellow, blue, magenta, cyan, white, gray, black, or their bright variants like redBright) or #rrggbb');

const seconds = (fallback: number, min: number, max: number, what: string) =>
	z.number().min(min).max(max).default(fallback).describe(`${what}, in seconds (${min} to ${max})`);

/** A table's `columns`: names from its column list, in the order wanted. */
function columnList(view: string, keys: readonly string[]) {
	return z.array(z.enum(keys as [string, ...string[]])).min(1).optional().describe(`Columns of the ${view} table, in order (default: all that fit): ${keys.join(', ')}`);
}

/** A resource view's settings: only its columns for now. */
function resourceView(view: string, specs: ReadonlyArray<{key: string}>) {
	return z.strictObject({
		columns: columnList(view, specs.map(spec => spec.key)),
		filter: savedFilter(view),
	}).default({}).describe(`The ${view} view`);
}

/** A view's filter at start, as / would type it. */
function savedFilter(view: string, extra = '') {
	return z.string().optional().describe(`The ${view} filter at start, as / takes it (text or regex, !text inverts${extra})`);
}

/** One custom command (README: Custom commands); templates are checked against the fields of each of its scopes. */
const customCommand = z.strictObject({
	name: z.string().min(1, 'expected a name').describe('What ! lists and the status bar says'),
	key: keyName.optional().describe('A key that runs it at once in its scopes; refused if the scope already uses it'),
	scopes: z.array(z.enum(commandScopes)).min(1).default(['containers']).describe(`Where it applies: ${commandScopes.join(', ')} (projects: a project's header row in the grouped view)`),
	argv: z.array(z.string()).min(1, 'expected the program and its arguments').describe('The program and its arguments; {id}, {name}, {label:KEY} and the scope\'s fields are replaced inside each argument, never split or read by a shell'),
	shell: z.boolean().default(false).describe('Run argv[0] with sh -c; the values reach it only as PORTHOLE_* environment variables'),
	mode: z.enum(['background', 'terminal', 'exec']).default('background').describe('background: the status bar says how it ended; terminal: it gets the terminal, as e does; exec: argv runs inside the container through the Engine API (containers only)'),
	confirm: z.boolean().default(false).describe('Ask first'),
	readOnlySafe: z.boolean().default(false).describe('It changes nothing: offered with --read-only too'),
}).superRefine((command, context) => {
	for (const scope of command.scopes) {
		const field = unknownField(command, scope);
		if (field !== undefined) context.addIssue({code: 'custom', path: ['argv'], message: `unknown field {${field}} for ${scope} (fields: ${fieldNames[scope].map(each => `{${each}}`).join(', ')}, {label:KEY})`});
		if (command.mode === 'exec' && scope !== 'containers') context.addIssue({code: 'custom', path: ['mode'], message: `mode exec runs inside a container: it cannot apply to ${scope}`});
	}
	if (command.mode === 'exec' && command.shell) context.addIssue({code: 'custom', path: ['shell'], message: 'mode exec runs argv in the container: give ["sh", "-c", "..."] instead of shell'});
});

/**
 * The config file's schema, the one definition: loading validates against it,
 * `porthole config --default` prints it with comments, and
 * scripts/config-schema.ts writes config.schema.json from it for editors.
 * Every key is optional; the defaults are today's behaviour.
 */
export const configSchema = z.strictObject({
	hosts: z.array(z.string().min(1)).default([]).describe('Engines to watch, as DOCKER_HOST-style URLs (unix://, tcp://, ssh://) or docker context names; several show on one screen with a HOST column. Empty: --host/--context, DOCKER_HOST, the docker CLI context, then the local socket'),
	theme: z.enum(themeNames).default('dark').describe('Colours: dark, light or high-contrast (each maps down to 16 colours on a 16-colour terminal)'),
	colors: z.strictObject(Object.fromEntries(colourRoles.map(role => [role, colour.optional()])) as Record<(typeof colourRoles)[number], z.ZodOptional<typeof colour>>).default({}).describe('Colours by role over the theme, as names or #rrggbb: selection, header, running, exited, unhealthy, stderr, sparkline'),
	readOnly: z.boolean().default(false).describe('Start read-only, as --read-only: hide and refuse every command that changes the engine'),
	confirm: z.boolean().default(true).describe('Ask before stop, restart, pause and kill (false is --no-confirm); remove and prune always ask'),
	shell: z.array(z.string().regex(/^[\w./-]+$/, 'expected a shell name or path')).min(1).default(['bash', 'ash', 'sh']).describe('Shells e tries in a container, in order (--shell names one, tried alone)'),
	glyphs: z.enum(['auto', 'unicode', 'ascii']).default('auto').describe('Box, chart and mark glyphs: ascii draws them in ASCII; auto does so under a non-UTF-8 locale (LANG=C) or on the Linux console (TERM=linux)'),
	mouse: z.boolean().default(false).describe('Clicks and the wheel: a click selects a row, a double click opens its logs, a click on a column title sorts, on a footer hint runs it; the wheel scrolls. Off by default: it takes the terminal\'s own text selection away (Shift-drag still selects in most terminals)'),
	containers: z.strictObject({
		columns: columnList('containers', containerColumnKeys),
		sort: z.enum(sortCycle as [string, ...string[]]).default('name').describe(`Column to sort by at start: ${sortCycle.join(', ')}`),
		descending: z.boolean().optional().describe('Sort direction at start (default: numbers biggest first, words A to Z)'),
		hideStopped: z.boolean().default(false).describe('Hide stopped containers at start (h toggles)'),
		filter: savedFilter('containers', '; docker\'s syntax too: status=running label=tier=db; --filter wins'),
	}).default({sort: 'name', hideStopped: false}).describe('The containers view'),
	images: resourceView('images', imageColumnSpecs),
	volumes: resourceView('volumes', volumeColumnSpecs),
	networks: resourceView('networks', networkColumnSpecs),
	logs: z.strictObject({
		lines: z.number().int().min(100).max(1_000_000).default(10_000).describe('Lines the logs view holds in memory, as --log-lines'),
		tail: z.number().int().min(0).max(1_000_000).default(1000).describe('Lines the logs view starts with, as --tail'),
		timestamps: z.boolean().default(false).describe('Show timestamps at start (t toggles)'),
		wrap: z.boolean().default(false).describe('Wrap long lines at start (w toggles)'),
	}).default({lines: 10_000, tail: 1000, timestamps: false, wrap: false}).describe('The logs view'),
	refresh: z.strictObject({
		resources: seconds(30, 5, 3600, 'How often volume sizes and disk usage are read again while shown'),
		top: seconds(2, 1, 60, 'How often the processes (top) view is read again'),
	}).default({resources: 30, top: 2}).describe('Refresh cadence (containers, stats and events are live streams and need none)'),
	commands: z.array(customCommand).default([]).describe('Your own commands, run from ! or their key on the selected container, image, volume, network or project'),
	keys: z.strictObject(Object.fromEntries(scopes.map(scope => [scope, scopeKeys(scope)]))).default({}).describe('Key bindings by scope and action name; each replaces the default keys of that action in that scope. A key bound twice in a scope, or an action left without a key, is refused'),
});

/** A validated config file, with every default filled in. */
export type ConfigFile = z.output<typeof configSchema>;

/** The key overrides: scope, then action, then one key or a list. */
export type KeyOverrides = Partial<Record<Scope, Partial<Record<string, string | string[]>>>>;

/** The JSON Schema published as config.schema.json, for editors' completion and checks. */
export function configJsonSchema(): Record<string, unknown> {
	const schema = z.toJSONSchema(configSchema, {io: 'input', unrepresentable: 'any'}) as Record<string, unknown>;
	return {...schema, title: 'Porthole configuration'};
}

/** config.schema.json as written to the repository (scripts/config-schema.ts). */
export function configSchemaText(): string {
	return `${JSON.stringify(configJsonSchema(), null, '\t')}\n`;
}
