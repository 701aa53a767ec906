import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {expandArgument, fieldNames, imageTarget, invocation, networkTarget, projectTarget, TemplateError, unknownField, volumeTarget, type CommandScope, type CustomCommand, type TemplateTarget} from '../../../source/domain/command-template.js';
import type {ContainerRow} from '../../../source/domain/container.js';
import {fixtureRows} from '../../helpers/fixtures.js';

const base = fixtureRows()[0];
assert.ok(base);
const hostile = '; rm -rf / $(touch /tmp/pwned) `id` "quoted" \'single\' && echo';
const row: ContainerRow = {...base, id: 'abc123', name: hostile, image: 'img:1', composeProject: 'shop', labels: {'com.docker.compose.service': 'web', tier: 'x y'}};

describe('expandArgument', () => {
	const cases: Array<[string, string]> = [
		['{id}', 'abc123'],
		['--name={name}', `--name=${hostile}`],
		['{project}/{service}', 'shop/web'],
		['{label:tier}', 'x y'],
		['{label:missing}', ''],
		['no fields', 'no fields'],
		['{{id}}', '{abc123}'],
	];
	for (const [template, expected] of cases) test(`${template} → ${JSON.stringify(expected)}`, () => assert.equal(expandArgument(template, row), expected));

	test('an unknown field throws instead of running as text', () => {
		assert.throws(() => expandArgument('{nmae}', row), TemplateError);
	});
});

describe('invocation', () => {
	test('argv mode: the hostile name is exactly one argument, nothing split, no shell', () => {
		const command: CustomCommand = {name: 'x', scopes: ['containers'], argv: ['docker', 'exec', '{id}', 'echo', '{name}']};
		const result = invocation(command, row);
		assert.equal(result.file, 'docker');
		assert.deepEqual(result.args, ['exec', 'abc123', 'echo', hostile]);
	});

	test('shell mode: the script text is left as written; values come as environment', () => {
		const command: CustomCommand = {name: 'x', scopes: ['containers'], shell: true, argv: ['echo "$PORTHOLE_NAME"']};
		const result = invocation(command, row);
		assert.deepEqual([result.file, ...result.args], ['sh', '-c', 'echo "$PORTHOLE_NAME"', 'porthole']);
		assert.equal(result.env.PORTHOLE_NAME, hostile);
		assert.equal(result.env.PORTHOLE_PROJECT, 'shop');
		assert.ok(!result.args[1]?.includes(hostile), 'the name is never pasted into the script');
	});

	test('an empty command is refused', () => {
		assert.throws(() => invocation({name: 'x', scopes: ['containers'], argv: []}, row), TemplateError);
	});
});

describe('targets of each scope', () => {
	const image = {key: 'k', tag: 'shop/web:1', kind: 'tagged' as const, image: {id: 'sha256:ab', tags: ['shop/web:1'], digests: [], parentId: '', createdAt: 0, size: 0, sharedSize: 0, labels: {v: '2'}}};
	const volume = {name: 'data', driver: 'local', mountpoint: '/var/lib/x', scope: 'local', createdAt: 0, labels: {}, anonymous: false};
	const network = {id: 'n1', name: 'front', driver: 'bridge', scope: 'local', subnets: [], internal: false, containers: [], createdAt: 0};
	const project = projectTarget('shop', [{...row, labels: {'com.docker.compose.project.working_dir': '/srv/shop', 'com.docker.compose.project.config_files': '/srv/shop/compose.yaml'}}]);
	const cases: Array<[string, TemplateTarget, string, string]> = [
		['image', imageTarget(image), '{name} {tag} {label:v}', 'shop/web:1 shop/web:1 2'],
		['volume', volumeTarget(volume), '{name}@{mountpoint}', 'data@/var/lib/x'],
		['network', networkTarget(network), '{id} {driver}', 'n1 bridge'],
		['project', project, '{project} {workdir} {configfiles}', 'shop /srv/shop /srv/shop/compose.yaml'],
	];
	for (const [name, target, template, expected] of cases) test(`${name}: ${template}`, () => assert.equal(expandArgument(template, target), expected));
	test('every scope\'s fields are listed for load-time checks', () => {
		for (const [name, target] of cases) assert.deepEqual(Object.keys(target.fields), [...fieldNames[target.scope]], name);
	});
	const unknown: Array<[string[], boolean | undefined, string, string | undefined]> = [
		[['x', '{service}'], false, 'containers', undefined],
		[['x', '{service}'], false, 'images', 'service'],
		[['echo {nope}'], true, 'containers', undefined], // the script is the user's text, not a template
		[['x', '{label:any}'], false, 'networks', undefined],
	];
	for (const [argv, shell, scope, expected] of unknown) test(`unknownField ${argv.join(' ')} in ${scope} → ${expected}`, () => assert.equal(unknownField({argv, shell}, scope as CommandScope), expected));
});
