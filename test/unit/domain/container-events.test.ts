import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {containerEventKind, rowAfterEvent, type ContainerEventFacts} from '../../../source/domain/container-events.js';
import {fixtureRows} from '../../helpers/fixtures.js';

const running = () => {
	const row = fixtureRows().find(r => r.state === 'running');
	assert.ok(row, 'the fixtures hold a running container');
	return row;
};

const event = (id: string, action: string, attributes: Record<string, string> = {}, time = 1_700_000_000_000): ContainerEventFacts => ({id, action, attributes, time});

describe('rowAfterEvent', () => {
	test('die marks a running container exited with the exit code and the time, keeping everything else', () => {
		const known = running();
		const row = rowAfterEvent(known, event(known.id, 'die', {exitCode: '137', name: known.name}));
		assert.ok(row);
		assert.equal(row.state, 'exited');
		assert.equal(row.exitCode, 137);
		assert.equal(row.finishedAt, 1_700_000_000_000);
		assert.equal(row.name, known.name);
		assert.deepEqual(row.ports, known.ports);
		assert.equal(known.state, 'running', 'the known row is not changed in place');
	});

	test('start, restart and unpause make it running; only start and restart move the start time', () => {
		const known = {...running(), state: 'exited' as const, startedAt: 5};
		assert.equal(rowAfterEvent(known, event(known.id, 'start'))?.startedAt, 1_700_000_000_000);
		assert.equal(rowAfterEvent(known, event(known.id, 'restart'))?.state, 'running');
		const unpaused = rowAfterEvent({...known, state: 'paused'}, event(known.id, 'unpause'));
		assert.equal(unpaused?.state, 'running');
		assert.equal(unpaused?.startedAt, 5);
		assert.equal(rowAfterEvent(known, event(known.id, 'pause'))?.state, 'paused');
	});

	test('a create for an unknown container gives a provisional row from the event attributes', () => {
		const row = rowAfterEvent(undefined, event('abc123def4567890', 'create', {
			name: 'web-1',
			image: 'nginx:1',
			'com.docker.compose.project': 'shop',
			tier: 'front',
		}));
		assert.ok(row);
		assert.equal(row.name, 'web-1');
		assert.equal(row.image, 'nginx:1');
		assert.equal(row.state, 'created');
		assert.equal(row.composeProject, 'shop');
		assert.deepEqual(row.labels, {'com.docker.compose.project': 'shop', tier: 'front'});
	});

	test('events about containers we do not know, other than create and start, change nothing', () => {
		assert.equal(rowAfterEvent(undefined, event('x', 'die', {exitCode: '0'})), undefined);
		assert.equal(rowAfterEvent(undefined, event('x', 'pause')), undefined);
	});

	test('actions that change nothing shown give undefined', () => {
		const known = running();
		for (const action of ['kill', 'oom', 'rename', 'update', 'exec_start: sh', 'attach']) {
			assert.equal(rowAfterEvent(known, event(known.id, action)), undefined, action);
		}
	});

	test('health_status sets the health from the action text, and only when it changes', () => {
		const known = {...running(), health: 'starting' as const};
		assert.equal(rowAfterEvent(known, event(known.id, 'health_status: healthy'))?.health, 'healthy');
		assert.equal(rowAfterEvent(known, event(known.id, 'health_status: starting')), undefined);
		assert.equal(rowAfterEvent(known, event(known.id, 'health_status: bogus')), undefined);
	});

	test('an exit code that is not a number leaves the known one', () => {
		const known = {...running(), exitCode: 3};
		assert.equal(rowAfterEvent(known, event(known.id, 'die', {exitCode: 'x'}))?.exitCode, 3);
	});
});

describe('containerEventKind: Docker and Podman words alike', () => {
	const cases: Array<[action: string, kind: ReturnType<typeof containerEventKind>, why: string]> = [
		['destroy', 'destroy', 'Docker: the container is gone'],
		['remove', 'destroy', 'Podman 4 says remove where Docker says destroy'],
		['init', 'noise', 'Podman, before every start; start says it all'],
		['cleanup', 'change', 'Podman: an inspect at die may still say dead; the state settles at cleanup'],
		['exec', 'noise', 'Podman, for every exec'],
		['exec_died', 'noise', 'Podman, when an exec ends'],
		['exec_start: sh -c true', 'noise', 'Docker, health checks run one each time'],
		['exec_die', 'noise', 'Docker'],
		['resize', 'noise', 'a TTY resize'],
		['attach', 'noise', 'an attach'],
		['start', 'change', 'state changes are re-read'],
		['die', 'change', 'state changes are re-read'],
		['create', 'change', 'a new container is read'],
		['health_status: healthy', 'change', 'health is shown'],
		['health_status', 'change', 'Podman\'s health event, its status in an attribute'],
		['rename', 'change', 'the name is shown'],
		['executioner', 'change', 'only exec itself is noise, not every word starting with it'],
		['initialize', 'change', 'only init itself'],
	];
	for (const [action, kind, why] of cases) {
		test(`${action} is ${kind}: ${why}`, () => assert.equal(containerEventKind(action), kind));
	}
});

describe('rowAfterEvent with Podman\'s events', () => {
	test('health_status with the status in an attribute (Podman) sets the health', () => {
		const known = {...running(), health: 'starting' as const};
		assert.equal(rowAfterEvent(known, event(known.id, 'health_status', {health_status: 'healthy'}))?.health, 'healthy');
		assert.equal(rowAfterEvent(known, event(known.id, 'health_status', {health_status: 'starting'})), undefined);
	});

	test('Podman\'s containerExitCode, podId and health_status attributes are not taken for labels', () => {
		const row = rowAfterEvent(undefined, event('abc', 'create', {name: 'web', image: 'busybox', containerExitCode: '0', podId: '', app: 'shop'}));
		assert.deepEqual(row?.labels, {app: 'shop'});
	});
});
