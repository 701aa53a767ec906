import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {projectLevels, type ProjectAction} from '../../../source/actions/project-actions.js';
import {dependsOn, startLevels} from '../../../source/domain/compose.js';
import type {ContainerRow} from '../../../source/domain/container.js';
import {fixtureRows} from '../../helpers/fixtures.js';

const base = fixtureRows()[0];
assert.ok(base);
/** A compose container: service, what it depends on (compose's label format), and its state. */
const svc = (service: string, depends = '', state: ContainerRow['state'] = 'running', name = `shop-${service}-1`): ContainerRow => ({
	...base, id: `id-${name}`, name, state, composeProject: 'shop',
	labels: {'com.docker.compose.project': 'shop', 'com.docker.compose.service': service, ...(depends ? {'com.docker.compose.depends_on': depends} : {})},
});
const names = (levels: ContainerRow[][]) => levels.map(level => level.map(row => row.name.replace(/^shop-|-1$/g, '')));

describe('dependsOn', () => {
	const cases: Array<[string, string[]]> = [
		['', []],
		['db:service_started:false', ['db']],
		['db:service_healthy:true,cache:service_started:false', ['db', 'cache']],
		['db', ['db']],
		[' db:x , ', ['db']],
	];
	for (const [label, expected] of cases) test(JSON.stringify(label), () => assert.deepEqual(dependsOn(svc('web', label)), expected));
});

describe('startLevels', () => {
	const cases: Array<[string, ContainerRow[], string[][]]> = [
		['no labels: one level, by name', [svc('web'), svc('db')], [['db', 'web']]],
		['a chain: db, then api, then web', [svc('web', 'api:service_started:false'), svc('api', 'db:service_healthy:true'), svc('db')], [['db'], ['api'], ['web']]],
		['a diamond: db, then api and worker together, then web', [svc('web', 'api:a:b,worker:a:b'), svc('api', 'db:a:b'), svc('worker', 'db:a:b'), svc('db')], [['db'], ['api', 'worker'], ['web']]],
		['a dependency outside the project is ignored', [svc('web', 'gone:service_started:false')], [['web']]],
		['a cycle keeps every container, in a last level', [svc('a', 'b:x:y'), svc('b', 'a:x:y'), svc('c')], [['c'], ['a', 'b']]],
		['replicas of a service stay together', [svc('web', 'db:x:y', 'running', 'shop-web-2'), svc('web', 'db:x:y'), svc('db')], [['db'], ['web', 'web-2']]],
	];
	for (const [name, rows, expected] of cases) test(name, () => assert.deepEqual(names(startLevels(rows)), expected));
});

describe('projectLevels', () => {
	const rows = [svc('web', 'api:x:y'), svc('api', 'db:x:y'), svc('db', '', 'exited')];
	const cases: Array<[ProjectAction, string[][]]> = [
		['restart', [['db'], ['api'], ['web']]],
		['start', [['db']]],
		['stop', [['web'], ['api']]],
		['remove', [['web'], ['api'], ['db']]],
	];
	for (const [action, expected] of cases) test(`${action} goes ${JSON.stringify(expected)}`, () => assert.deepEqual(names(projectLevels(rows, action)), expected));
});
