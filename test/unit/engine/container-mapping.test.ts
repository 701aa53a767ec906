import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type Dockerode from 'dockerode';
import type {ContainerRow} from '../../../source/domain/container.js';
import {rowFromInspect, rowFromSummary} from '../../../source/engine/container-mapping.js';
import {loadJson} from '../../helpers/fixtures.js';

const list = loadJson<Dockerode.ContainerInfo[]>('engine/containers-list.json');

function summary(name: string): ContainerRow {
	const info = list.find(item => item.Names[0] === `/${name}`);
	assert.ok(info, `no ${name} in containers-list.json`);
	return rowFromSummary(info);
}

function inspect(name: string): ContainerRow {
	return rowFromInspect(loadJson(`engine/inspect-${name}.json`));
}

describe('rowFromSummary over the captured list', () => {
	const cases: Array<[string, Partial<ContainerRow>]> = [
		['job-failed', {state: 'exited', exitCode: 3, health: undefined}],
		['web-healthy', {state: 'running', health: 'healthy', composeProject: 'shop', exitCode: 0}],
		['demo-1', {state: 'running', composeProject: 'demo', command: "sh -c 'while true; do echo line $RANDOM; sleep 0.5; done'"}],
		['paused-one', {state: 'paused', health: undefined}],
		['created-one', {state: 'created', startedAt: 0, finishedAt: 0}],
		['burner', {name: 'burner', image: 'porthole-test/busybox:1', composeProject: undefined, tty: false, restartCount: 0}],
		['evil-labels', {state: 'created', labels: {title: 'x\u001b]0;pwned\u0007y'}}],
	];
	for (const [name, expected] of cases) {
		test(name, () => {
			const row = summary(name);
			for (const [field, value] of Object.entries(expected)) assert.deepEqual(row[field as keyof ContainerRow], value, field);
		});
	}

	test('every row: no leading slash, created time in ms, start time left for inspect', () => {
		for (const info of list) {
			const row = rowFromSummary(info);
			assert.equal(row.id, info.Id);
			assert.ok(!row.name.startsWith('/'));
			assert.equal(row.createdAt, info.Created * 1000);
			assert.equal(row.startedAt, 0);
		}
	});

	test('the volume mount of created-one is named data1', () => {
		assert.deepEqual(summary('created-one').mounts.map(m => ({type: m.type, name: m.name, destination: m.destination, readOnly: m.readOnly})), [
			{type: 'volume', name: 'data1', destination: '/data', readOnly: false},
		]);
	});

	const statuses: Array<[string, Partial<ContainerRow>]> = [
		['Exited (137) 2 minutes ago', {exitCode: 137}],
		['Exited (-1) 1 second ago', {exitCode: -1}],
		['Up 3 hours (unhealthy)', {health: 'unhealthy'}],
		['Up 2 seconds (health: starting)', {health: 'starting'}],
		['Up 5 minutes', {health: undefined, exitCode: 0}],
	];
	for (const [status, expected] of statuses) {
		test(`status words "${status}"`, () => {
			const [base] = list;
			assert.ok(base);
			const row = rowFromSummary({...base, Status: status});
			for (const [field, value] of Object.entries(expected)) assert.deepEqual(row[field as keyof ContainerRow], value, field);
		});
	}

	test('an unknown state word reads as dead; a missing name falls back to the short id', () => {
		const [base] = list;
		assert.ok(base);
		const row = rowFromSummary({...base, State: 'weird', Names: []});
		assert.equal(row.state, 'dead');
		assert.equal(row.name, base.Id.slice(0, 12));
	});
});

describe('rowFromInspect over the captured inspects', () => {
	const cases: Array<[string, Partial<ContainerRow>]> = [
		['job-failed', {state: 'exited', exitCode: 3, startedAt: Date.parse('2026-11-24T17:05:49.240Z'), finishedAt: Date.parse('2026-11-24T17:05:49.255Z'), command: 'sh -c exit 3'}],
		['web-healthy', {state: 'running', health: 'healthy', composeProject: 'shop', labels: {'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web'}}],
		['demo-1', {composeProject: 'demo', tty: false}],
		['burner', {name: 'burner', command: 'sh -c yes > /dev/null', startedAt: Date.parse('2026-11-24T17:04:04.855Z'), finishedAt: 0, health: undefined, ports: []}],
		['paused-one', {state: 'paused', command: 'sleep 100000'}],
		['created-one', {state: 'created', startedAt: 0, finishedAt: 0, command: 'true'}],
		['evil-labels', {labels: {title: 'x\u001b]0;pwned\u0007y'}, command: 'sh -c echo \u001b[2J\u001b[H'}],
	];
	for (const [name, expected] of cases) {
		test(name, () => {
			const row = inspect(name);
			for (const [field, value] of Object.entries(expected)) assert.deepEqual(row[field as keyof ContainerRow], value, field);
		});
	}

	test('created-one mounts the volume data1 at /data', () => {
		const [mount, ...rest] = inspect('created-one').mounts;
		assert.equal(rest.length, 0);
		assert.deepEqual(mount, {type: 'volume', source: '/tmp/porthole-engine/data/volumes/data1/_data', destination: '/data', name: 'data1', readOnly: false});
	});

	test('tty follows Config.Tty', () => {
		const raw = loadJson<Dockerode.ContainerInspectInfo>('engine/inspect-burner.json');
		assert.equal(rowFromInspect(raw).tty, false);
		assert.equal(rowFromInspect({...raw, Config: {...raw.Config, Tty: true}}).tty, true);
	});

	test('ports: bound ones per binding, exposed ones without a host port', () => {
		const raw = loadJson<Dockerode.ContainerInspectInfo>('engine/inspect-burner.json');
		const ports = {'80/tcp': [{HostIp: '0.0.0.0', HostPort: '8080'}, {HostIp: '::', HostPort: '8080'}], '53/udp': null};
		// The engine sends null for a port that is exposed but not published; @types/dockerode does not allow it.
		const row = rowFromInspect({...raw, NetworkSettings: {...raw.NetworkSettings, Ports: ports as never}});
		assert.deepEqual(row.ports, [
			{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp'},
			{privatePort: 80, publicPort: 8080, ip: '::', type: 'tcp'},
			{privatePort: 53, type: 'udp'},
		]);
	});

	test('inspect and summary agree on what both know', () => {
		for (const name of ['burner', 'created-one', 'demo-1', 'evil-labels', 'job-failed', 'paused-one', 'web-healthy']) {
			const a = inspect(name);
			const b = summary(name);
			// The list gives whole seconds, inspect gives sub-second times.
			assert.deepEqual([a.id, a.name, a.state, a.exitCode, Math.floor(a.createdAt / 1000) * 1000, a.composeProject, a.health], [b.id, b.name, b.state, b.exitCode, b.createdAt, b.composeProject, b.health], name);
		}
	});
});
