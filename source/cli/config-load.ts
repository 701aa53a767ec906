import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {defaultKeymap, type Binding} from '../keys/keymap.js';
import {defaultConfig} from './config-defaults.js';
import {memoPlace, readConfigMemo, writeConfigMemo} from './config-memo.js';
import type {ConfigFile} from './config-schema.js';
import {noteStartup} from './startup-trace.js';

/** A config file Porthole will not start with: one line, `file:line:column: what was expected` (exit 2). */
export class ConfigError extends Error {}

/** Where the config in force came from, for the help screen: a path and how it was chosen, or the defaults. */
export type ConfigSource = {path?: string; origin: 'flag' | 'env' | 'default-path' | 'none'; text: string};

/** A loaded config: the settings, the keymap they make, and where they came from. */
export type LoadedConfig = {config: ConfigFile; keymap: Binding[]; source: ConfigSource};

/**
 * The file to read: --config, else PORTHOLE_CONFIG, else
 * $XDG_CONFIG_HOME/porthole/config.yaml, else ~/.config/porthole/config.yaml.
 * A file named by flag or variable must exist; the usual place may be empty.
 */
export function configPath(flag: string | undefined, env: NodeJS.ProcessEnv, homeDir: string): {path: string; origin: ConfigSource['origin']} {
	if (flag !== undefined) return {path: flag, origin: 'flag'};
	if (env.PORTHOLE_CONFIG) return {path: env.PORTHOLE_CONFIG, origin: 'env'};
	const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(homeDir, '.config');
	return {path: join(base, 'porthole', 'config.yaml'), origin: 'default-path'};
}

/**
 * Reads and checks the config in force; ConfigError (exit 2) for a file that
 * is unreadable or wrong. The parser (YAML and the zod schema, 50 to 80 ms
 * with the check) is loaded only when there is a file not checked before:
 * most starts have none, and a file checked once is kept checked.
 */
export async function readConfig(flag: string | undefined, env: NodeJS.ProcessEnv, homeDir: string): Promise<LoadedConfig> {
	const {path, origin} = configPath(flag, env, homeDir);
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' && origin === 'default-path') {
			return {config: defaultConfig(), keymap: [...defaultKeymap], source: {origin: 'none', text: `built-in defaults (no ${path})`}};
		}
		const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
		const by = origin === 'flag' ? '--config' : origin === 'env' ? 'PORTHOLE_CONFIG' : 'config';
		throw new ConfigError(`${by} ${path}: ${why}`);
	}
	const how = origin === 'flag' ? ' (--config)' : origin === 'env' ? ' (PORTHOLE_CONFIG)' : '';
	const source = {path, origin, text: `${path}${how}`};
	// The same text checked by a start before (cli/config-memo.ts): no parser to load.
	const place = memoPlace();
	const kept = readConfigMemo(place, text);
	noteStartup('config', kept ? 'checked before' : 'checked');
	if (kept) return {...kept, source};
	const {parseConfig} = await import('./config-parse.js');
	const checked = parseConfig(text, path);
	writeConfigMemo(place, text, checked);
	return {...checked, source};
}
