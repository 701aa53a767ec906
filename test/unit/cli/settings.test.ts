import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parseArgs} from '../../../source/cli/args.js';
import {parseConfig} from '../../../source/cli/config-parse.js';
import {hostSpec, initialFilters, mergeSettings, type Settings} from '../../../source/cli/settings.js';

const merged = (argv: string[], file: string, env: NodeJS.ProcessEnv = {}): Settings => mergeSettings(parseArgs(argv), parseConfig(file, 'c.yaml').config, env);

describe('flags and environment variables win over the file', () => {
	const cases: Array<[string, string[], string, NodeJS.ProcessEnv, (settings: Settings) => unknown, unknown]> = [
		['file hosts when nothing else names one', [], 'hosts: [unix:///a.sock, prod]\n', {}, s => s.specs, [{kind: 'host', value: 'unix:///a.sock'}, {kind: 'context', value: 'prod'}]],
		['--host over file hosts', ['-H', 'tcp://x:1'], 'hosts: [prod]\n', {}, s => s.specs, [{kind: 'host', value: 'tcp://x:1'}]],
		['--context over file hosts', ['-c', 'dev'], 'hosts: [prod]\n', {}, s => s.specs, [{kind: 'context', value: 'dev'}]],
		['DOCKER_HOST over file hosts', [], 'hosts: [prod]\n', {DOCKER_HOST: 'unix:///b.sock'}, s => s.specs, []],
		['DOCKER_CONTEXT over file hosts', [], 'hosts: [prod]\n', {DOCKER_CONTEXT: 'dev'}, s => s.specs, []],
		['no hosts anywhere: the usual resolution', [], '', {}, s => s.specs, []],
		['readOnly from the file', [], 'readOnly: true\n', {}, s => s.readOnly, true],
		['--read-only with the file silent', ['--read-only'], '', {}, s => s.readOnly, true],
		['confirm: false is --no-confirm', [], 'confirm: false\n', {}, s => s.noConfirm, true],
		['--no-confirm over confirm: true', ['--no-confirm'], 'confirm: true\n', {}, s => s.noConfirm, true],
		['confirming by default', [], '', {}, s => s.noConfirm, false],
		['--log-lines over logs.lines', ['--log-lines', '200'], 'logs:\n  lines: 500\n', {}, s => s.logLines, 200],
		['logs.lines when no flag', [], 'logs:\n  lines: 500\n', {}, s => s.logLines, 500],
		['--tail over logs.tail', ['--tail', '7'], 'logs:\n  tail: 50\n', {}, s => s.tail, 7],
		['--shell does not change the file order (it is tried alone, from state.shell)', ['--shell', 'zsh'], 'shell: [fish, bash]\n', {}, s => s.shells, ['fish', 'bash']],
		['the default shell order', [], '', {}, s => s.shells, ['bash', 'ash', 'sh']],
		['NO_COLOR', [], '', {NO_COLOR: '1'}, s => s.colour, false],
		['--no-color', ['--no-color'], '', {}, s => s.colour, false],
		['colour by default', [], '', {NO_COLOR: ''}, s => s.colour, true],
		['refresh in milliseconds', [], 'refresh:\n  resources: 60\n  top: 5\n', {}, s => s.refresh, {resourcesMs: 60_000, topMs: 5000}],
		['the containers view', [], 'containers:\n  sort: cpu\n  hideStopped: true\n  columns: [name, cpu]\n', {}, s => [s.sort, s.hideStopped, s.columns], [{column: 'cpu', descending: undefined}, true, {containers: ['name', 'cpu']}]],
		['columns of each table', [], 'images:\n  columns: [name, size]\nnetworks:\n  columns: [name, subnet]\n', {}, s => s.columns, {images: ['name', 'size'], networks: ['name', 'subnet']}],
		['glyphs: ascii forces ASCII', [], 'glyphs: ascii\n', {LANG: 'en_US.UTF-8'}, s => s.ascii, true],
		['glyphs: unicode keeps them under LANG=C', [], 'glyphs: unicode\n', {LANG: 'C'}, s => s.ascii, false],
		['glyphs: auto under LANG=C', [], '', {LANG: 'C'}, s => s.ascii, true],
		['glyphs: auto on the Linux console', [], '', {LANG: 'en_US.UTF-8', TERM: 'linux'}, s => s.ascii, true],
		['glyphs: auto in a UTF-8 terminal', [], '', {LANG: 'C.UTF-8', TERM: 'xterm-256color'}, s => s.ascii, false],
		['--filter over the saved containers filter', ['--filter', 'status=running', '--filter', 'label=a'], 'containers:\n  filter: shop\n', {}, s => s.filters, {containers: 'status=running label=a'}],
		['saved filters per view', [], 'containers:\n  filter: "!job"\nimages:\n  filter: nginx\n', {}, s => s.filters, {containers: '!job', images: 'nginx'}],
		['the logs view', [], 'logs:\n  timestamps: true\n  wrap: true\n', {}, s => [s.timestamps, s.wrap], [true, true]],
	];
	for (const [name, argv, file, env, pick, expected] of cases) test(name, () => assert.deepEqual(pick(merged(argv, file, env)), expected));
});

describe('initialFilters: the view shown gets its filter, the others wait for theirs', () => {
	const filters = {containers: 'status=running', images: 'nginx'};
	const cases: Array<[Parameters<typeof initialFilters>[0], ReturnType<typeof initialFilters>]> = [
		['containers', {filter: 'status=running', viewFilters: {images: 'nginx'}, filterView: undefined}],
		['images', {filter: 'nginx', viewFilters: {containers: 'status=running'}, filterView: 'images'}],
		['volumes', {filter: '', viewFilters: {containers: 'status=running', images: 'nginx'}, filterView: 'volumes'}],
		['events', {filter: 'status=running', viewFilters: {images: 'nginx'}, filterView: undefined}],
	];
	for (const [view, expected] of cases) test(view, () => assert.deepEqual(initialFilters(view, filters), expected));
});

describe('a hosts entry', () => {
	const cases: Array<[string, ReturnType<typeof hostSpec>]> = [
		['unix:///var/run/docker.sock', {kind: 'host', value: 'unix:///var/run/docker.sock'}],
		['ssh://me@box', {kind: 'host', value: 'ssh://me@box'}],
		['tcp://10.0.0.2:2375', {kind: 'host', value: 'tcp://10.0.0.2:2375'}],
		['prod', {kind: 'context', value: 'prod'}],
	];
	for (const [entry, expected] of cases) test(entry, () => assert.deepEqual(hostSpec(entry), expected));
});
