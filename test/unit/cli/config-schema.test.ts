import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, test} from 'node:test';
import {parse} from 'yaml';
import {parseConfig} from '../../../source/cli/config-parse.js';
import {configSchema, configSchemaText} from '../../../source/cli/config-schema.js';
import {defaultConfig} from '../../../source/cli/config-defaults.js';
import {defaultConfigText} from '../../../source/cli/default-config.js';
import {defaultKeymap} from '../../../source/keys/keymap.js';

describe('the published JSON Schema', () => {
	test('config.schema.json is the one generated from the schema (npm run config-schema)', () => {
		assert.equal(readFileSync(new URL('../../../config.schema.json', import.meta.url), 'utf8'), configSchemaText());
	});
	test('it names every scope and every action of the keymap, for completion', () => {
		const schema = JSON.parse(configSchemaText()) as {properties: {keys: {properties: Record<string, {properties: Record<string, unknown>}>}}};
		for (const binding of defaultKeymap) {
			assert.ok(schema.properties.keys.properties[binding.scope]?.properties[binding.command], `${binding.scope}.${binding.command}`);
		}
	});
});

describe('the written-out defaults (config-defaults.ts)', () => {
	// A start without a config file takes them instead of loading the schema.
	test('are what the schema makes of an empty file', () => assert.deepEqual(defaultConfig(), configSchema.parse({})));
	test('are a fresh object each time, so a caller may change its copy', () => assert.notEqual(defaultConfig().shell, defaultConfig().shell));
});

describe('porthole config --default', () => {
	const text = defaultConfigText();
	test('is valid as it is and gives the defaults', () => {
		const {config, keymap} = parseConfig(text, 'default.yaml');
		assert.deepEqual({...config, keys: {}, commands: []}, defaultConfig());
		// The example that needs no binary is on; the one that needs docker compose is commented out.
		assert.deepEqual(config.commands.map(command => [command.name, command.mode]), [['du', 'exec']]);
		assert.ok(text.includes('  # - name: compose pull'));
		assert.deepEqual(keymap, defaultKeymap);
	});
	test('lists every binding with its action name, keys and description', () => {
		const keys = (parse(text) as {keys: Record<string, Record<string, string[]>>}).keys;
		for (const binding of defaultKeymap) {
			assert.deepEqual(keys[binding.scope]?.[binding.command], binding.keys, `${binding.scope}.${binding.command}`);
			assert.ok(text.includes(`# ${binding.dangerous ? '! ' : ''}${binding.description}`), binding.description);
		}
	});
	test('comments every setting, and shows those without a default commented out', () => {
		for (const line of ['theme: dark', 'readOnly: false', 'shell: [bash, ash, sh]', 'lines: 10000', '# colors:', '#   selection: (a colour name or #rrggbb)', '# columns: (a list of name,']) {
			assert.ok(text.includes(line), line);
		}
		assert.ok(text.split('\n').every(line => line.length <= 140), 'lines stay readable');
	});
});
