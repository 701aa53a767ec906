import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, test} from 'node:test';
import {parseReplicas} from '../../../source/actions/swarm-actions.js';
import {replicasText, stacksOf, swarmRoleFromInfo, swarmRoleText, tasksPerNode, updateText} from '../../../source/domain/swarm.js';
import {nodeFromRaw, serviceFromRaw, taskFromRaw} from '../../../source/engine/swarm-api.js';
import {replicasColor, updateColor} from '../../../source/format/swarm-cells.js';
import {nextDelay} from '../../../source/sync/swarm-sync.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/engine/swarm/${name}.json`, import.meta.url), 'utf8')) as never[];

describe('swarm role from /info', () => {
	const cases: Array<{name: string; info: Parameters<typeof swarmRoleFromInfo>[0]; expect: string; line: boolean}> = [
		{name: 'no Swarm section (Podman)', info: {}, expect: 'none', line: true},
		{name: 'inactive', info: {Swarm: {LocalNodeState: 'inactive', ControlAvailable: false}}, expect: 'none', line: true},
		{name: 'pending join', info: {Swarm: {LocalNodeState: 'pending', ControlAvailable: false}}, expect: 'none', line: true},
		{name: 'worker', info: {Swarm: {LocalNodeState: 'active', ControlAvailable: false}}, expect: 'worker', line: true},
		{name: 'manager', info: {Swarm: {LocalNodeState: 'active', ControlAvailable: true}}, expect: 'manager', line: false},
	];
	for (const {name, info, expect, line} of cases) test(name, () => {
		const role = swarmRoleFromInfo(info);
		assert.equal(role, expect);
		assert.equal(swarmRoleText(role) !== undefined, line);
	});
});

describe('services from the engine (captured fixture)', () => {
	const rows = new Map(fixture('services').map(raw => serviceFromRaw(raw)).map(row => [row.name, row]));
	const cases = [
		{name: 'bad', mode: 'replicated', replicas: '0/1', stack: '', update: '', color: 'red'},
		{name: 't1', mode: 'replicated', replicas: '1/2', stack: '', update: 'updating', color: 'yellow'},
		{name: 'web', mode: 'replicated', replicas: '3/3', stack: 'shop', update: 'updating', color: 'green'},
	];
	for (const expected of cases) test(expected.name, () => {
		const row = rows.get(expected.name);
		assert.ok(row, `${expected.name} is in the fixture`);
		assert.equal(row.mode, expected.mode);
		assert.equal(replicasText(row), expected.replicas);
		assert.equal(row.stack, expected.stack);
		assert.equal(updateText(row.update), expected.update);
		assert.equal(replicasColor(row), expected.color);
		assert.equal(row.image, 'porthole-test/busybox:1');
		assert.ok(row.createdAt > 0 && row.version > 0);
	});

	test('a global service, a job and published ports', () => {
		const global = serviceFromRaw({ID: 'g', Spec: {Name: 'agent', Mode: {Global: {}}, TaskTemplate: {ContainerSpec: {Image: 'img:1@sha256:abc123'}}}, ServiceStatus: {RunningTasks: 2, DesiredTasks: 3}, Endpoint: {Ports: [{Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080}, {Protocol: 'udp', TargetPort: 53}]}});
		assert.deepEqual([global.mode, replicasText(global), global.image, global.ports], ['global', '2/3', 'img:1', ['8080:80/tcp']]);
		const job = serviceFromRaw({ID: 'j', Spec: {Name: 'once', Mode: {ReplicatedJob: {MaxConcurrent: 1}}}});
		assert.equal(job.mode, 'replicated-job');
		const old = serviceFromRaw({ID: 'o', Spec: {Name: 'old', Mode: {Replicated: {Replicas: 4}}}});
		assert.equal(replicasText(old), '0/4', 'no ServiceStatus (an old engine): desired from the spec');
	});
});

describe('update state text', () => {
	const cases: Array<{update?: {state: string; message: string}; text: string; color?: string}> = [
		{update: undefined, text: '', color: undefined},
		{update: {state: 'updating', message: 'update in progress'}, text: 'updating', color: 'yellow'},
		{update: {state: 'completed', message: 'update completed'}, text: 'completed', color: 'gray'},
		{update: {state: 'paused', message: 'update paused due to failure or early termination of task abc'}, text: 'paused: update paused due to failure or early termination of task abc', color: 'red'},
		{update: {state: 'rollback_paused', message: 'rollback paused'}, text: 'rollback paused: rollback paused', color: 'red'},
		{update: {state: 'rollback_completed', message: 'rollback completed'}, text: 'rollback completed', color: 'gray'},
	];
	for (const {update, text, color} of cases) test(update?.state ?? 'none', () => {
		assert.equal(updateText(update), text);
		assert.equal(updateColor(update?.state), color);
	});
});

describe('tasks and nodes (captured fixture)', () => {
	const tasks = fixture('tasks').map(raw => taskFromRaw(raw));
	const nodes = fixture('nodes').map(raw => nodeFromRaw(raw));
	test('a failed task keeps its error text', () => {
		const failed = tasks.filter(task => task.state === 'failed');
		assert.ok(failed.length > 0);
		for (const task of failed) assert.equal(task.error, 'task: non-zero exit (1)');
	});
	test('running tasks have a container and a slot', () => {
		for (const task of tasks.filter(each => each.state === 'running')) {
			assert.match(task.containerId, /^[0-9a-f]{64}$/);
			assert.ok(task.slot > 0);
		}
	});
	test('the node: leader, active, ready, with its resources; running tasks counted there', () => {
		assert.equal(nodes.length, 1);
		const node = nodes[0]!;
		assert.deepEqual([node.role, node.managerStatus, node.availability, node.state], ['manager', 'leader', 'active', 'ready']);
		assert.ok(node.cpus >= 1 && node.memoryBytes > 0 && node.engineVersion !== '');
		assert.equal(tasksPerNode(tasks).get(node.id), tasks.filter(task => task.state === 'running').length);
	});
});

describe('replica count typed for scale', () => {
	const cases: Array<{text: string; replicas?: number}> = [
		{text: '3', replicas: 3}, {text: ' 0 ', replicas: 0}, {text: '1000', replicas: 1000},
		{text: '1001'}, {text: '-1'}, {text: '2.5'}, {text: ''}, {text: 'three'}, {text: '1e3'},
	];
	for (const {text, replicas} of cases) test(JSON.stringify(text), () => {
		const parsed = parseReplicas(text);
		if (replicas === undefined) assert.ok('error' in parsed);
		else assert.deepEqual(parsed, {replicas});
	});
});

describe('poll back-off', () => {
	const pace = {minMs: 2000, maxMs: 15_000};
	const cases = [
		{previous: 2000, changed: true, expect: 2000},
		{previous: 8000, changed: true, expect: 2000},
		{previous: 2000, changed: false, expect: 4000},
		{previous: 8000, changed: false, expect: 15_000},
		{previous: 15_000, changed: false, expect: 15_000},
	];
	for (const {previous, changed, expect} of cases) test(`${previous} ms, ${changed ? 'changed' : 'same'}`, () => assert.equal(nextDelay(previous, changed, pace), expect));
});

describe('stacks from services', () => {
	const service = (name: string, stack: string, running: number, desired: number) => ({id: name, name, stack, mode: 'replicated', running, desired, image: 'i', ports: [], createdAt: 0, version: 1});
	const cases = [
		{name: 'no services', services: [], expect: []},
		{name: 'services outside a stack are left out', services: [service('a', '', 1, 1)], expect: []},
		{
			name: 'two stacks, sorted, one service short',
			services: [service('web', 'shop', 2, 3), service('db', 'shop', 1, 1), service('api', 'blog', 2, 2)],
			expect: [
				{id: 'blog', name: 'blog', services: 1, healthy: 1, running: 2, desired: 2},
				{id: 'shop', name: 'shop', services: 2, healthy: 1, running: 3, desired: 4},
			],
		},
	];
	for (const {name, services, expect} of cases) test(name, () => assert.deepEqual(stacksOf(services), expect));
});
