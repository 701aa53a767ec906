import {isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node} from 'yaml';
import type {core} from 'zod';
import {nearest} from '../domain/nearest.js';
import {applyKeyOverrides, checkKeymap, KeymapError} from '../keys/keymap-overrides.js';
import {defaultKeymap, type Binding} from '../keys/keymap.js';
import {checkCommandKeys} from '../keys/command-keys.js';
import {ConfigError} from './config-load.js';
import {configJsonSchema, configSchema, type ConfigFile} from './config-schema.js';

// Loaded on demand (config-load.ts, config-save.ts): YAML and zod stay off the path to the first frame.

/** Parses and validates config text; `file` names it in errors. Throws ConfigError naming file:line:column. */
export function parseConfig(text: string, file: string): {config: ConfigFile; keymap: Binding[]} {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true});
	const at = (offset: number) => {
		const {line, col} = lineCounter.linePos(offset);
		return `${file}:${line}:${col}`;
	};
	const yamlError = doc.errors[0];
	if (yamlError) throw new ConfigError(`${at(yamlError.pos[0])}: ${firstLine(yamlError.message)}`);
	const value: unknown = doc.contents === null ? {} : doc.toJS();
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new ConfigError(`${at(doc.contents?.range?.[0] ?? 0)}: expected a mapping of settings (hosts:, theme:, keys:...)`);
	}
	const result = configSchema.safeParse(value);
	if (!result.success) {
		const issue = innermost(result.error.issues[0]!);
		throw new ConfigError(`${at(offsetOf(doc, issue))}: ${describeIssue(issue, doc)}`);
	}
	const config = result.data;
	const keymap = applyKeyOverrides(defaultKeymap, config.keys);
	try {
		checkKeymap(keymap, config.keys);
		checkCommandKeys(keymap, config.commands);
	} catch (error) {
		if (!(error instanceof KeymapError)) throw error;
		throw new ConfigError(`${at(offsetOf(doc, {path: error.path}))}: ${error.message}`);
	}
	return {config, keymap};
}

type Issue = core.$ZodIssue;

/** A union's failure says only "invalid input": report the branch that got furthest, with its full path. */
function innermost(issue: Issue): Issue {
	if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
	const branches = issue.errors.flat();
	const deepest = branches.find(each => each.path.length > 0 || each.code !== 'invalid_type');
	if (deepest) return innermost({...deepest, path: [...issue.path, ...deepest.path]} as Issue);
	const expected = branches.map(each => (each.code === 'invalid_type' ? each.expected : undefined)).filter(Boolean);
	return {...issue, message: `expected a ${expected.join(' or a list of ')}`.replace('a string or a list of array', 'a key or a list of keys')};
}

/** Where an issue is: the unknown key itself, else the value at its path, else the nearest parent there is. */
function offsetOf(doc: Document, issue: {path: readonly PropertyKey[]; code?: string; keys?: string[]}): number {
	const path = issue.path.map(each => (typeof each === 'symbol' ? String(each) : each));
	for (let length = path.length; length >= 0; length--) {
		const node = (length === 0 ? doc.contents : doc.getIn(path.slice(0, length), true)) as Node | undefined;
		if (!node || typeof node !== 'object' || !('range' in node)) continue;
		if (length === path.length && issue.code === 'unrecognized_keys' && isMap(node)) {
			const pair = node.items.find(item => isPair(item) && isScalar(item.key) && item.key.value === issue.keys?.[0]);
			if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
		}
		if (node.range) return node.range[0];
	}
	return 0;
}

/** The issue as a person reads it: where (dotted path), what was expected, and for an unknown key the nearest valid name. */
function describeIssue(issue: Issue, doc: Document): string {
	const path = issue.path.map(String);
	const where = path.length > 0 ? `${path.join('.')}: ` : '';
	if (issue.code === 'unrecognized_keys') {
		const key = issue.keys[0]!;
		const valid = propertiesAt(path);
		// A setting one level down (hideStopped under containers) is suggested by its full name.
		const nested = valid.flatMap(parent => propertiesAt([...path, parent]).map(child => `${parent}.${child}`));
		const near = nearest(key, valid) ?? nested.find(name => name.split('.')[1]!.toLowerCase() === key.toLowerCase());
		const place = path.length > 0 ? ` in ${path.join('.')}` : '';
		return `unknown key "${key}"${place}${near ? `; did you mean "${near}"?` : `; expected one of ${valid.join(', ')}`}`;
	}
	const got = doc.getIn(issue.path as Array<string | number>);
	const message = issue.message.replace(/^Invalid (input|option): /, '').replace(/^Too (small|big): /, '').replace(/, received \w+$/, '');
	return `${where}${message}${got === undefined || typeof got === 'object' ? '' : `, not ${JSON.stringify(got).slice(0, 60)}`}`;
}

type JsonSchema = {properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]};

/** The valid key names at a path, read from the published JSON Schema (the same definition). */
function propertiesAt(path: readonly string[]): string[] {
	let schema: JsonSchema | undefined = configJsonSchema() as JsonSchema;
	for (const segment of path) {
		schema = schema?.properties?.[segment] ?? schema?.anyOf?.find(each => each.properties)?.properties?.[segment];
	}
	const object = schema?.properties ? schema : schema?.anyOf?.find(each => each.properties);
	return Object.keys(object?.properties ?? {});
}

function firstLine(text: string): string {
	return text.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
