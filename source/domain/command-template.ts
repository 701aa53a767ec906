import type {ContainerRow} from './container.js';
import {composeLabels} from './compose.js';

/**
 * A user's command (lazydocker-style): a name, where it applies, and an argv
 * template. Each argument may hold `{id}`, `{name}`, `{image}`, `{project}`,
 * `{service}` or `{label:KEY}`, replaced by the selected container's value
 * inside that one argument: a value is never split or parsed, so a name with
 * spaces, quotes, `;` or `$(...)` stays one inert argument. With `shell`, the
 * first argument is a script run by `sh -c`, and the values reach it only as
 * environment variables (PORTHOLE_ID, PORTHOLE_NAME, ...), never pasted into
 * the script's text.
 */
export type CustomCommand = {
	name: string;
	scope: 'containers';
	argv: string[];
	/** Runs `sh -c argv[0]` with the values in the environment. */
	shell?: boolean;
	/** Asks first, naming the command and the container. */
	confirm?: boolean;
	/** Shown with --read-only: the command changes nothing. */
	readOnlySafe?: boolean;
};

/** The values a template may name, from one container. */
export function templateFields(row: ContainerRow): Record<string, string> {
	return {
		id: row.id,
		name: row.name,
		image: row.image,
		project: row.composeProject ?? '',
		service: row.labels[composeLabels.service] ?? '',
	};
}

/** A template naming a field that does not exist. */
export class TemplateError extends Error {}

const placeholder = /\{(label:[^{}]+|[a-z]+)\}/g;

/** One argument with its placeholders replaced; unknown names throw TemplateError (a typo must not run as text). */
export function expandArgument(template: string, row: ContainerRow): string {
	const fields = templateFields(row);
	return template.replace(placeholder, (_whole, key: string) => {
		if (key.startsWith('label:')) return row.labels[key.slice(6)] ?? '';
		const value = fields[key];
		if (value === undefined) throw new TemplateError(`unknown field {${key}} (fields: ${Object.keys(fields).map(each => `{${each}}`).join(', ')}, {label:KEY})`);
		return value;
	});
}

/** What to spawn: a program and its arguments (never through a shell unless the command says `shell`), and extra environment. */
export type Invocation = {file: string; args: string[]; env: Record<string, string>};

/** Turns a command and a container into what to spawn. */
export function invocation(command: CustomCommand, row: ContainerRow): Invocation {
	const env = Object.fromEntries(Object.entries(templateFields(row)).map(([key, value]) => [`PORTHOLE_${key.toUpperCase()}`, value]));
	if (command.shell) {
		const [script = '', ...rest] = command.argv;
		// The script text is the user's own; values come in as environment only.
		return {file: 'sh', args: ['-c', script, 'porthole', ...rest.map(each => expandArgument(each, row))], env};
	}
	const [file = '', ...args] = command.argv.map(each => expandArgument(each, row));
	if (file === '') throw new TemplateError('the command has no program to run');
	return {file, args, env};
}
