import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {expandArgument, invocation, TemplateError, type CustomCommand} from '../../../source/domain/command-template.js';
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
		const command: CustomCommand = {name: 'x', scope: 'containers', argv: ['docker', 'exec', '{id}', 'echo', '{name}']};
		const result = invocation(command, row);
		assert.equal(result.file, 'docker');
		assert.deepEqual(result.args, ['exec', 'abc123', 'echo', hostile]);
	});

	test('shell mode: the script text is left as written; values come as environment', () => {
		const command: CustomCommand = {name: 'x', scope: 'containers', shell: true, argv: ['echo "$PORTHOLE_NAME"']};
		const result = invocation(command, row);
		assert.deepEqual([result.file, ...result.args], ['sh', '-c', 'echo "$PORTHOLE_NAME"', 'porthole']);
		assert.equal(result.env.PORTHOLE_NAME, hostile);
		assert.equal(result.env.PORTHOLE_PROJECT, 'shop');
		assert.ok(!result.args[1]?.includes(hostile), 'the name is never pasted into the script');
	});

	test('an empty command is refused', () => {
		assert.throws(() => invocation({name: 'x', scope: 'containers', argv: []}, row), TemplateError);
	});
});
