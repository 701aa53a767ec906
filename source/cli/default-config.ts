import {scopeTitles} from '../keys/help-lines.js';
import {defaultKeymap, type Scope} from '../keys/keymap.js';
import {configJsonSchema} from './config-schema.js';

type JsonSchema = {properties?: Record<string, JsonSchema>; description?: string; default?: unknown; type?: string; enum?: unknown[]; items?: JsonSchema; pattern?: string};

/** A YAML scalar: bare when it cannot be misread, else double-quoted ("?", ":", " ", "#"...). */
function scalar(value: unknown): string {
	if (typeof value === 'string') return /^[A-Za-z_][\w+.-]*$/.test(value) && !['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n'].includes(value.toLowerCase()) ? value : JSON.stringify(value);
	return String(value);
}

/** A value in flow style: `[bash, ash, sh]`, `30`, `dark`. */
function flow(value: unknown): string {
	return Array.isArray(value) ? `[${value.map(scalar).join(', ')}]` : scalar(value);
}

/** Splits a long comment into lines of at most about 90 columns. */
function comment(text: string, indent: string): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line && `${line} ${word}`.length > 90 - indent.length) {
			lines.push(`${indent}# ${line}`);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(`${indent}# ${line}`);
	return lines;
}

/** One setting and what it holds; settings without a default are shown commented out, with what they take. */
function setting(name: string, schema: JsonSchema, indent: string): string[] {
	const lines = schema.description ? comment(schema.description, indent) : [];
	if (schema.properties) {
		const children = Object.entries(schema.properties);
		// An object none of whose settings has a default (colors) stays commented out whole: `colors:` alone would be null.
		const open = children.some(([, child]) => child.default !== undefined);
		lines.push(`${indent}${open ? '' : '# '}${name}:`);
		for (const [key, child] of children) lines.push(...setting(key, child, `${indent}  `).map(line => (open ? line : line.replace(/^\s*# /, `${indent}#   `))));
		return lines;
	}
	if (schema.default === undefined) {
		const takes = schema.enum ? `one of ${schema.enum.join(', ')}` : schema.items?.enum ? `a list of ${schema.items.enum.join(', ')}` : schema.pattern?.includes('#') ? 'a colour name or #rrggbb' : schema.type ?? 'value';
		lines.push(...comment(`${name}: (${takes})`, indent));
		return lines;
	}
	lines.push(`${indent}${name}: ${flow(schema.default)}`);
	return lines;
}

/** Every binding of the keymap, by scope, with its description: the `keys:` section. */
function keySection(description: string | undefined): string[] {
	const lines = [...comment(`${description ?? ''}. Actions marked ! change the engine: readOnly hides them.`, ''), 'keys:'];
	const scopes = [...new Set(defaultKeymap.map(binding => binding.scope))] as Scope[];
	for (const scope of scopes) {
		lines.push(`  # ${scopeTitles[scope]}`, `  ${scope}:`);
		const seen = new Set<string>();
		for (const binding of defaultKeymap.filter(each => each.scope === scope)) {
			if (seen.has(binding.command)) continue;
			seen.add(binding.command);
			const entry = `    ${binding.command}: ${flow(binding.keys)}`;
			lines.push(`${entry.padEnd(34)} # ${binding.dangerous ? '! ' : ''}${binding.description}`);
		}
	}
	return lines;
}

/**
 * The `commands:` section with two examples: `du` inside a container through
 * the Engine API needs nothing installed, so it is on; `docker compose pull`
 * needs the docker CLI with compose, which may be absent, so it is commented out.
 */
function commandsSection(description: string | undefined): string[] {
	return [
		...comment(`${description ?? ''}. Each: name, argv (or shell: true, argv[0] a script for sh -c), and optional key, scopes (containers, images, volumes, networks, projects), mode (background, terminal, exec), confirm, readOnlySafe. See README: Custom commands.`, ''),
		'commands:',
		'  - name: du',
		'    argv: [du, -sh, /]',
		'    mode: exec                   # inside the selected container, through the Engine API',
		'    readOnlySafe: true',
		'  # - name: compose pull           # needs `docker compose`',
		'  #   scopes: [projects]',
		'  #   argv: [docker, compose, --project-directory, "{workdir}", -p, "{project}", pull]',
		'  #   mode: terminal',
		'  #   confirm: true',
	];
}

/**
 * The complete default config, commented: every setting from the schema with
 * its description and default, and every key binding from the keymap with its
 * action name and what it does. `porthole config --default` prints it; it
 * validates as it is.
 */
export function defaultConfigText(): string {
	const schema = configJsonSchema() as JsonSchema;
	const lines = [
		'# Porthole configuration. Porthole reads --config FILE, else $PORTHOLE_CONFIG, else',
		'# $XDG_CONFIG_HOME/porthole/config.yaml, else ~/.config/porthole/config.yaml.',
		'# Every setting is optional: these are the defaults. Flags and environment variables',
		'# (DOCKER_HOST, DOCKER_CONTEXT, NO_COLOR) win over the file. Check a file with',
		'# `porthole config --check FILE`; config.schema.json in the repository is its JSON Schema.',
	];
	for (const [name, child] of Object.entries(schema.properties ?? {})) {
		lines.push('');
		lines.push(...(name === 'keys' ? keySection(child.description) : name === 'commands' ? commandsSection(child.description) : setting(name, child, '')));
	}
	return `${lines.join('\n')}\n`;
}
