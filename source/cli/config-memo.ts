/*
 * The checked config of the starts before. Reading a config file means YAML
 * parsed and checked against the zod schema: 50 to 80 ms at every start that
 * has one, where a start without one reaches its first frame in about 130
 * (README, Performance, round ten). What comes out is a function of the
 * file's text and of Porthole's own code only, so it is kept, as JSON, in the
 * code cache's folder (cli/code-cache.ts), keyed by the app bundle and a
 * SHA-256 of the text: a file changed by a byte, or another version of
 * Porthole, is parsed and checked afresh. Only a successful check is kept;
 * an error is always the parser's own.
 *
 * It decides what the app runs (custom commands, keys), so it is read and
 * written as a code cache is: a private file in a private folder, owned by
 * the user, never through a symbolic link.
 */
import {isDeepStrictEqual} from 'node:util';
import type {Binding} from '../keys/keymap.js';
import {keepLatest, launcherCodeCache, readTrusted, writePrivate} from './code-cache.js';
import type {ConfigFile} from './config-schema.js';

/** What parseConfig returns: what is kept. */
export type CheckedConfig = {config: ConfigFile; keymap: Binding[]};

/** Where the checked config of `text` is kept: the cache folder, and which bundle it is of. */
export type MemoPlace = {dir: string; bundle: string};

/** Config files whose checks are kept: several, for someone who switches between them with --config. */
const keptConfigs = 4;

/** The place the launcher's code cache is in; none when Porthole was not started by the launcher, or caches are off. */
export function memoPlace(): MemoPlace | undefined {
	const loaded = launcherCodeCache();
	return loaded ? {dir: loaded.dir, bundle: loaded.key} : undefined;
}

/** The file of the checked config of `text`. */
export function memoFile(place: MemoPlace, text: string): string {
	const hash = process.getBuiltinModule('node:crypto').createHash('sha256').update(place.bundle).update('\0').update(text).digest('hex').slice(0, 40);
	return `${place.dir}/config-${hash}.json`;
}

/** The checked config of `text`, when a start before kept it. */
export function readConfigMemo(place: MemoPlace | undefined, text: string): CheckedConfig | undefined {
	if (!place) return undefined;
	const data = readTrusted(memoFile(place, text));
	if (!data) return undefined;
	try {
		const value = JSON.parse(data.toString('utf8')) as Partial<CheckedConfig> | null;
		return value !== null && typeof value.config === 'object' && value.config !== null && Array.isArray(value.keymap) ? (value as CheckedConfig) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Keeps the checked config of `text`, when JSON holds it exactly (it always
 * should; if ever it does not, the next start checks the file again rather
 * than start with something else). Returns whether it was written.
 */
export function writeConfigMemo(place: MemoPlace | undefined, text: string, checked: CheckedConfig): boolean {
	if (!place) return false;
	const json = JSON.stringify(checked);
	if (!isDeepStrictEqual(JSON.parse(json), checked)) return false;
	if (!writePrivate(place.dir, memoFile(place, text), json)) return false;
	keepLatest(place.dir, name => /^config-[\da-f]+\.json$/.test(name), keptConfigs);
	return true;
}
