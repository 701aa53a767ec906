import type {ContainerRow} from './container.js';
import {composeLabels} from './compose.js';
import type {ImageTagRow} from './image.js';
import type {NetworkRow} from './network.js';
import type {VolumeRow} from './volume.js';

/** Where a custom command applies: a view's selected row, or (`projects`) a project's header row in the grouped containers view. */
export const commandScopes = ['containers', 'images', 'volumes', 'networks', 'projects'] as const;

/** One of commandScopes. */
export type CommandScope = (typeof commandScopes)[number];

/**
 * A user's command (lazydocker-style): a name, where it applies, and an argv
 * template. Each argument may hold `{id}`, `{name}` and the scope's other
 * fields (see `fieldNames`), or `{label:KEY}`, replaced by the selected
 * object's value inside that one argument: a value is never split or parsed,
 * so a name with spaces, quotes, `;` or `$(...)` stays one inert argument.
 * With `shell`, the first argument is a script run by `sh -c`, and the values
 * reach it only as environment variables (PORTHOLE_ID, PORTHOLE_NAME, ...),
 * never pasted into the script's text.
 */
export type CustomCommand = {
	name: string;
	/** A key that runs it at once in its scopes (checked against the keymap at load). */
	key?: string;
	scopes: CommandScope[];
	argv: string[];
	/** Runs `sh -c argv[0]` with the values in the environment. */
	shell?: boolean;
	/** `terminal` hands the terminal over (as exec does); `background` shows how it ended in the status bar; `exec` runs argv inside the container through the Engine API. */
	mode?: 'terminal' | 'background' | 'exec';
	/** Asks first, naming the command and the object. */
	confirm?: boolean;
	/** Shown with --read-only: the command changes nothing. */
	readOnlySafe?: boolean;
};

/** The selected object as a template sees it: its named fields and its labels. */
export type TemplateTarget = {scope: CommandScope; fields: Record<string, string>; labels: Record<string, string>};

/** The fields each scope's templates may name. */
export const fieldNames: Record<CommandScope, readonly string[]> = {
	containers: ['id', 'name', 'image', 'project', 'service'],
	images: ['id', 'name', 'tag'],
	volumes: ['id', 'name', 'driver', 'mountpoint'],
	networks: ['id', 'name', 'driver'],
	projects: ['id', 'name', 'project', 'workdir', 'configfiles'],
};

/** A container as a template sees it. */
export function containerTarget(row: ContainerRow): TemplateTarget {
	return {scope: 'containers', labels: row.labels, fields: {id: row.id, name: row.name, image: row.image, project: row.composeProject ?? '', service: row.labels[composeLabels.service] ?? ''}};
}

/** An image row (one tag) as a template sees it: name is the tag, or the id when untagged. */
export function imageTarget(row: ImageTagRow): TemplateTarget {
	return {scope: 'images', labels: row.image.labels, fields: {id: row.image.id, name: row.tag ?? row.image.id, tag: row.tag ?? ''}};
}

/** A volume as a template sees it (its id is its name). */
export function volumeTarget(row: VolumeRow): TemplateTarget {
	return {scope: 'volumes', labels: row.labels, fields: {id: row.name, name: row.name, driver: row.driver, mountpoint: row.mountpoint}};
}

/** A network as a template sees it. */
export function networkTarget(row: NetworkRow): TemplateTarget {
	return {scope: 'networks', labels: {}, fields: {id: row.id, name: row.name, driver: row.driver}};
}

/** A compose project as a template sees it: the labels of its first container (they are the project's). */
export function projectTarget(name: string, rows: readonly ContainerRow[]): TemplateTarget {
	const labels = rows[0]?.labels ?? {};
	return {scope: 'projects', labels, fields: {id: name, name, project: name, workdir: labels[composeLabels.workingDir] ?? '', configfiles: labels[composeLabels.configFiles] ?? ''}};
}

/** The values a container's template may name (kept for the containers scope's callers). */
export function templateFields(row: ContainerRow): Record<string, string> {
	return containerTarget(row).fields;
}

/** A template naming a field that does not exist. */
export class TemplateError extends Error {}

const placeholder = /\{(label:[^{}]+|[a-z]+)\}/g;

const asTarget = (target: TemplateTarget | ContainerRow): TemplateTarget => ('fields' in target ? target : containerTarget(target));

/** One argument with its placeholders replaced; unknown names throw TemplateError (a typo must not run as text). */
export function expandArgument(template: string, target: TemplateTarget | ContainerRow): string {
	const {fields, labels} = asTarget(target);
	return template.replace(placeholder, (_whole, key: string) => {
		if (key.startsWith('label:')) return labels[key.slice(6)] ?? '';
		const value = fields[key];
		if (value === undefined) throw new TemplateError(`unknown field {${key}} (fields: ${Object.keys(fields).map(each => `{${each}}`).join(', ')}, {label:KEY})`);
		return value;
	});
}

/** The first unknown field a command's templates name in a scope, for checking at load; undefined when all are known. */
export function unknownField(command: Pick<CustomCommand, 'argv' | 'shell'>, scope: CommandScope): string | undefined {
	const known = new Set(fieldNames[scope]);
	const templates = command.shell ? command.argv.slice(1) : command.argv;
	for (const template of templates) {
		for (const match of template.matchAll(placeholder)) {
			const key = match[1]!;
			if (!key.startsWith('label:') && !known.has(key)) return key;
		}
	}
	return undefined;
}

/** What to spawn: a program and its arguments (never through a shell unless the command says `shell`), and extra environment. */
export type Invocation = {file: string; args: string[]; env: Record<string, string>};

/** Turns a command and a selected object into what to spawn. */
export function invocation(command: Pick<CustomCommand, 'argv' | 'shell'> & Partial<CustomCommand>, given: TemplateTarget | ContainerRow): Invocation {
	const target = asTarget(given);
	const env = Object.fromEntries(Object.entries(target.fields).map(([key, value]) => [`PORTHOLE_${key.toUpperCase()}`, value]));
	if (command.shell) {
		const [script = '', ...rest] = command.argv;
		// The script text is the user's own; values come in as environment only.
		return {file: 'sh', args: ['-c', script, 'porthole', ...rest.map(each => expandArgument(each, target))], env};
	}
	const [file = '', ...args] = command.argv.map(each => expandArgument(each, target));
	if (file === '') throw new TemplateError('the command has no program to run');
	return {file, args, env};
}
