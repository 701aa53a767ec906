import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {rowAfterEvent, type ContainerEventFacts} from '../../../source/domain/container-events.js';
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
