import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import type {CustomCommand} from '../domain/command-template.js';

/**
 * Where custom commands are read from until the config file holds them:
 * $PORTHOLE_COMMANDS, else $XDG_CONFIG_HOME/porthole/commands.json (by
 * default ~/.config/porthole/commands.json).
 */
export function commandsPath(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
	return env.PORTHOLE_COMMANDS ?? join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'porthole', 'commands.json');
}

/** A commands file that cannot be used; the message is one line. */
export class CommandsFileError extends Error {}

/** Reads and checks the commands file: none is no commands; anything malformed is a one-line error naming the file. */
export function readCommandsFile(path: string): CustomCommand[] {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw new CommandsFileError(`${path}: ${(error as Error).message}`);
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw new CommandsFileError(`${path}: not JSON (${(error as Error).message})`);
	}
	if (!Array.isArray(data)) throw new CommandsFileError(`${path}: expected a list of commands`);
	return data.map((entry, index) => parseCommand(entry, `${path}: command ${index + 1}`));
}

function parseCommand(entry: unknown, where: string): CustomCommand {
	if (typeof entry !== 'object' || entry === null) throw new CommandsFileError(`${where} is not an object`);
	const {name, argv, shell, confirm, readOnlySafe, scope = 'containers'} = entry as Record<string, unknown>;
	if (typeof name !== 'string' || name.trim() === '') throw new CommandsFileError(`${where} needs a "name"`);
	if (!Array.isArray(argv) || argv.length === 0 || !argv.every(each => typeof each === 'string')) throw new CommandsFileError(`${where} ("${name}") needs "argv": a list of strings`);
	if (scope !== 'containers') throw new CommandsFileError(`${where} ("${name}"): scope must be "containers"`);
	for (const [key, value] of Object.entries({shell, confirm, readOnlySafe})) {
		if (value !== undefined && typeof value !== 'boolean') throw new CommandsFileError(`${where} ("${name}"): "${key}" must be true or false`);
	}
	return {name, scope, argv: argv as string[], ...(shell ? {shell: true} : {}), ...(confirm ? {confirm: true} : {}), ...(readOnlySafe ? {readOnlySafe: true} : {})};
}
