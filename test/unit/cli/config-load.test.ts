import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {ConfigError, configPath, readConfig} from '../../../source/cli/config-load.js';
import {parseConfig} from '../../../source/cli/config-parse.js';
import {defaultConfig} from '../../../source/cli/config-defaults.js';

describe('a valid config gives its settings over the defaults', () => {
	const cases: Array<[string, string, (config: ReturnType<typeof defaultConfig>) => unknown, unknown]> = [
		['empty file', '', config => config, defaultConfig()],
		['only a comment', '# nothing\n', config => config, defaultConfig()],
		['hosts', 'hosts: [unix:///tmp/a.sock, prod]\n', config => config.hosts, ['unix:///tmp/a.sock', 'prod']],
		['theme', 'theme: light\n', config => config.theme, 'light'],
		['high-contrast theme', 'theme: high-contrast\n', config => config.theme, 'high-contrast'],
		['colours by name and hex', 'colors:\n  running: cyan\n  selection: "#005f87"\n', config => config.colors, {running: 'cyan', selection: '#005f87'}],
		['readOnly', 'readOnly: true\n', config => config.readOnly, true],
		['confirm', 'confirm: false\n', config => config.confirm, false],
		['shell order', 'shell: [zsh, /bin/bash]\n', config => config.shell, ['zsh', '/bin/bash']],
		['mouse (reserved)', 'mouse: true\n', config => config.mouse, true],
		['columns', 'containers:\n  columns: [state, name, cpu]\n', config => config.containers.columns, ['state', 'name', 'cpu']],
		['columns of the other tables', 'images:\n  columns: [name, size]\nvolumes:\n  columns: [name, size, users]\nnetworks:\n  columns: [name]\n', config => [config.images.columns, config.volumes.columns, config.networks.columns], [['name', 'size'], ['name', 'size', 'users'], ['name']]],
		['sort', 'containers:\n  sort: cpu\n  descending: false\n', config => [config.containers.sort, config.containers.descending], ['cpu', false]],
		['hideStopped', 'containers:\n  hideStopped: true\n', config => config.containers.hideStopped, true],
		['logs', 'logs:\n  lines: 500\n  tail: 50\n  timestamps: true\n  wrap: true\n', config => config.logs, {lines: 500, tail: 50, timestamps: true, wrap: true}],
		['refresh', 'refresh:\n  resources: 60\n  top: 5\n', config => config.refresh, {resources: 60, top: 5}],
		['one key', 'keys:\n  containers:\n    restart: R\n', config => config.keys, {containers: {restart: 'R'}}],
		['a list of keys', 'keys:\n  global:\n    quit: [Q, ctrl+q]\n', config => config.keys, {global: {quit: ['Q', 'ctrl+q']}}],
	];
	for (const [name, text, pick, expected] of cases) {
		test(name, () => assert.deepEqual(pick(parseConfig(text, 'c.yaml').config), expected));
	}
});

describe('a bad config is refused with file:line:column and what was expected', () => {
	const cases: Array<[string, string, string | RegExp]> = [
		['an unknown theme', 'theme: blue\n', 'c.yaml:1:8: theme: expected one of "dark"|"light"|"high-contrast", not "blue"'],
		['a string for a number', 'logs:\n  lines: x\n', 'c.yaml:2:10: logs.lines: expected number, not "x"'],
		['a number out of range', 'logs:\n  lines: 5\n', 'c.yaml:2:10: logs.lines: expected number to be >=100, not 5'],
		['a fraction of a line', 'logs:\n  tail: 1.5\n', /^c\.yaml:2:9: logs\.tail: expected int/],
		['a string for a boolean', 'readOnly: "yes"\n', 'c.yaml:1:11: readOnly: expected boolean, not "yes"'],
		['a map for a list', 'hosts:\n  a: b\n', /^c\.yaml:2:3: hosts: expected array/],
		['an empty shell list', 'shell: []\n', /^c\.yaml:1:8: shell: expected array to have >=1 items/],
		['a bad colour', 'colors:\n  running: "#12"\n', /^c\.yaml:2:12: colors\.running: expected a colour name .* or #rrggbb, not "#12"/],
		['an unknown column', 'containers:\n  columns: [name, cpuu]\n', /^c\.yaml:2:19: containers\.columns\.1: expected one of "name"\|/],
		['an unknown image column', 'images:\n  columns: [tag]\n', /^c\.yaml:2:13: images\.columns\.0: expected one of "name"\|"id"\|/],
		['an unknown sort', 'containers:\n  sort: cpuu\n', /^c\.yaml:2:9: containers\.sort: expected one of/],
		['a number for a key', 'keys:\n  containers:\n    restart: 5\n', 'c.yaml:3:14: keys.containers.restart: expected a key or a list of keys, not 5'],
		['a word for a key', 'keys:\n  containers:\n    restart: [r, xx]\n', /^c\.yaml:3:18: keys\.containers\.restart\.1: expected a key: one character, ctrl\+ a letter, or one of up, /],
		['no keys for an action', 'keys:\n  containers:\n    restart: []\n', /^c\.yaml:3:14: keys\.containers\.restart: expected at least one key/],
		['a top-level list', '- a\n', 'c.yaml:1:1: expected a mapping of settings (hosts:, theme:, keys:...)'],
		['a YAML syntax error', 'hosts: [a\n', /^c\.yaml:2:1: /],
		['a key given twice', 'theme: dark\ntheme: light\n', 'c.yaml:2:1: Map keys must be unique'],
		['a tab for indentation', 'logs:\n\tlines: 100\n', /^c\.yaml:2:1: /],
	];
	for (const [name, text, expected] of cases) {
		test(name, () => assert.throws(() => parseConfig(text, 'c.yaml'), error => {
			assert.ok(error instanceof ConfigError);
			assert.ok(!error.message.includes('\n'), error.message);
			if (typeof expected === 'string') assert.equal(error.message, expected);
			else assert.match(error.message, expected);
			return true;
		}));
	}
});

describe('an unknown key is an error that suggests the nearest valid name', () => {
	const cases: Array<[string, string]> = [
		['them: dark\n', 'c.yaml:1:1: unknown key "them"; did you mean "theme"?'],
		['theme: dark\nreadonly: true\n', 'c.yaml:2:1: unknown key "readonly"; did you mean "readOnly"?'],
		['hidestopped: true\n', 'c.yaml:1:1: unknown key "hidestopped"; did you mean "containers.hideStopped"?'],
		['logs:\n  line: 100\n', 'c.yaml:2:3: unknown key "line" in logs; did you mean "lines"?'],
		['keys:\n  contaners: {}\n', 'c.yaml:2:3: unknown key "contaners" in keys; did you mean "containers"?'],
		['keys:\n  containers:\n    restrt: r\n', 'c.yaml:3:5: unknown key "restrt" in keys.containers; did you mean "restart"?'],
		['colors:\n  runing: red\n', 'c.yaml:2:3: unknown key "runing" in colors; did you mean "running"?'],
	];
	for (const [text, expected] of cases) {
		test(expected, () => assert.throws(() => parseConfig(text, 'c.yaml'), {message: expected}));
	}
	test('a key far from every name lists the valid ones', () => {
		assert.throws(() => parseConfig('zzzzzzzz: 1\n', 'c.yaml'), {message: /^c\.yaml:1:1: unknown key "zzzzzzzz"; expected one of hosts, theme, colors, /});
	});
});

describe('key remaps that break the keymap are refused, naming the pair', () => {
	const cases: Array<[string, string]> = [
		['keys:\n  containers:\n    restart: s\n', 'c.yaml:3:14: "s" is bound twice in containers: to start-stop and to restart'],
		['keys:\n  containers:\n    logs: [q, ctrl+c]\n', 'c.yaml:3:11: global quit cannot be reached in containers: "q", "ctrl+c" taken there by logs'],
		['keys:\n  global:\n    help: [l]\n  containers:\n    logs: [l]\n', 'c.yaml:3:11: global help cannot be reached in containers: "l" taken there by logs'],
		['keys:\n  logs:\n    log-wrap: t\n', 'c.yaml:3:15: "t" is bound twice in logs: to log-timestamps and to log-wrap'],
	];
	for (const [text, expected] of cases) {
		test(expected, () => assert.throws(() => parseConfig(text, 'c.yaml'), {message: expected}));
	}
	test('a remap that keeps the invariants builds the keymap with the new keys', () => {
		const {keymap} = parseConfig('keys:\n  containers:\n    restart: R\n    start-stop: [S, s]\n', 'c.yaml');
		assert.deepEqual(keymap.find(row => row.scope === 'containers' && row.command === 'restart')?.keys, ['R']);
		assert.deepEqual(keymap.find(row => row.scope === 'containers' && row.command === 'start-stop')?.keys, ['S', 's']);
		// Other scopes keep their own rows.
		assert.deepEqual(keymap.find(row => row.scope === 'images' && row.command === 'remove')?.keys, ['D', 'ctrl+d']);
	});
});

describe('where the config is read from', () => {
	const home = '/home/u';
	const cases: Array<[string, string | undefined, NodeJS.ProcessEnv, {path: string; origin: string}]> = [
		['--config wins', '/x/c.yaml', {PORTHOLE_CONFIG: '/y.yaml', XDG_CONFIG_HOME: '/xdg'}, {path: '/x/c.yaml', origin: 'flag'}],
		['then PORTHOLE_CONFIG', undefined, {PORTHOLE_CONFIG: '/y.yaml', XDG_CONFIG_HOME: '/xdg'}, {path: '/y.yaml', origin: 'env'}],
		['then XDG_CONFIG_HOME', undefined, {XDG_CONFIG_HOME: '/xdg'}, {path: '/xdg/porthole/config.yaml', origin: 'default-path'}],
		['a relative XDG_CONFIG_HOME is ignored, as the spec says', undefined, {XDG_CONFIG_HOME: 'rel'}, {path: '/home/u/.config/porthole/config.yaml', origin: 'default-path'}],
		['then ~/.config', undefined, {}, {path: '/home/u/.config/porthole/config.yaml', origin: 'default-path'}],
	];
	for (const [name, flag, env, expected] of cases) test(name, () => assert.deepEqual(configPath(flag, env, home), expected));

	const dir = mkdtempSync(join(tmpdir(), 'porthole-config-'));
	after(() => rmSync(dir, {recursive: true, force: true}));
	test('no file at the usual place: the defaults, and the help says so', async () => {
		const loaded = await readConfig(undefined, {XDG_CONFIG_HOME: dir}, dir);
		assert.deepEqual(loaded.config, defaultConfig());
		assert.equal(loaded.source.text, `built-in defaults (no ${dir}/porthole/config.yaml)`);
	});
	test('a file at the usual place is read', async () => {
		mkdirSync(join(dir, 'porthole'), {recursive: true});
		writeFileSync(join(dir, 'porthole', 'config.yaml'), 'theme: light\n');
		const loaded = await readConfig(undefined, {XDG_CONFIG_HOME: dir}, dir);
		assert.equal(loaded.config.theme, 'light');
		assert.equal(loaded.source.text, `${dir}/porthole/config.yaml`);
	});
	test('a missing --config file is an error, not the defaults', async () => {
		await assert.rejects(readConfig(join(dir, 'nope.yaml'), {}, dir), {message: `--config ${dir}/nope.yaml: no such file`});
	});
	test('a missing PORTHOLE_CONFIG file is an error', async () => {
		await assert.rejects(readConfig(undefined, {PORTHOLE_CONFIG: join(dir, 'nope.yaml')}, dir), {message: `PORTHOLE_CONFIG ${dir}/nope.yaml: no such file`});
	});
	test('a directory is an error', async () => {
		await assert.rejects(readConfig(dir, {}, dir), {message: `--config ${dir}: is a directory`});
	});
	test('errors name the file as given', async () => {
		const file = join(dir, 'bad.yaml');
		writeFileSync(file, 'theme: dark\nmouse: 3\n');
		await assert.rejects(readConfig(file, {}, dir), {message: `${file}:2:8: mouse: expected boolean, not 3`});
	});
});
