import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import {isDocument, parseDocument} from 'yaml';
import {ConfigError} from './config-load.js';
import {parseConfig} from './config-parse.js';

/**
 * Writes one table's columns into the config file at `path` (creating it and
 * its folder when there is none), keeping everything else in it, comments
 * too; `columns` undefined removes the setting (all columns). The result is
 * validated before it replaces the file, through a temporary file and a
 * rename, so a crash never leaves half a config. Resolves with what to tell the user.
 * It loads YAML and the schema: cli.tsx imports it on first use.
 */
export async function saveColumns(path: string, view: string, columns: readonly string[] | undefined): Promise<{text: string; level: 'info' | 'error'}> {
	try {
		let text = '';
		try {
			text = readFileSync(path, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		}
		const doc = parseDocument(text === '' ? '{}' : text);
		if (!isDocument(doc) || doc.errors.length > 0) return {text: `${path} does not parse; fix it first (porthole config --check)`, level: 'error'};
		if (columns) doc.setIn([view, 'columns'], doc.createNode([...columns], {flow: true}));
		else if (doc.hasIn([view, 'columns'])) doc.deleteIn([view, 'columns']);
		const next = doc.toString();
		parseConfig(next, path);
		mkdirSync(dirname(path), {recursive: true});
		const temporary = `${path}.${process.pid}.tmp`;
		writeFileSync(temporary, next);
		renameSync(temporary, path);
		return {text: `saved ${view} columns to ${path}`, level: 'info'};
	} catch (error) {
		const reason = error instanceof ConfigError ? error.message : (error as Error).message;
		return {text: `could not save the columns: ${reason}`, level: 'error'};
	}
}
