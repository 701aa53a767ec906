/*
 * The checked config of the starts before. Reading a config file means YAML
 * parsed and checked against the zod schema: 50 to 80 ms at every start that
 * has one, where a start without one reaches its first frame in about 130
 * (README, Performance, round ten). What comes out is a function of the
 * file's text and of Porthole's own code only, so it is kept, as JSON, in the
 * code cache's folder (cli/code-cache.ts), with the text and the app bundle
 * it is of: a file changed by a byte, or another version of Porthole, is
 * parsed and checked afresh. The file's name is a quick hash of the two (not
 * Node's crypto, which takes 10 ms to load); what decides is the text and
 * bundle kept inside, compared whole. Only a successful check is kept; an
 * error is always the parser's own.
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

/** What the file holds: the check, and what it is the check of. */
type Kept = CheckedConfig & {bundle: string; text: string};

/** The file of the checked config of `text`. */
export function memoFile(place: MemoPlace, text: string): string {
	return `${place.dir}/config-${quickHash(`${place.bundle}\0${text}`)}.json`;
}

/** Two 32-bit FNV-style hashes of the UTF-16 code units, as 16 hex digits: a file name, not a proof. */
export function quickHash(text: string): string {
	let first = 0x811c9dc5;
	let second = 0x9747b28c;
	for (let index = 0; index < text.length; index++) {
		const unit = text.charCodeAt(index);
		first = Math.imul(first ^ unit, 0x01000193);
		second = Math.imul(second ^ unit, 0x5bd1e995);
	}
	return (first >>> 0).toString(16).padStart(8, '0') + (second >>> 0).toString(16).padStart(8, '0');
}

/** The checked config of `text`, when a start before of this bundle kept it. */
export function readConfigMemo(place: MemoPlace | undefined, text: string): CheckedConfig | undefined {
	if (!place) return undefined;
	const data = readTrusted(memoFile(place, text));
	if (!data) return undefined;
	try {
		const kept = JSON.parse(data.toString('utf8')) as Partial<Kept> | null;
		if (kept === null || kept.text !== text || kept.bundle !== place.bundle) return undefined;
		return typeof kept.config === 'object' && kept.config !== null && Array.isArray(kept.keymap) ? {config: kept.config, keymap: kept.keymap} : undefined;
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
	const kept: Kept = {bundle: place.bundle, text, config: checked.config, keymap: checked.keymap};
	const json = JSON.stringify(kept);
	if (!isDeepStrictEqual(JSON.parse(json), kept)) return false;
	if (!writePrivate(place.dir, memoFile(place, text), json)) return false;
	keepLatest(place.dir, name => /^config-[\da-f]{16}\.json$/.test(name), keptConfigs);
	return true;
}
