import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {snapshotJson, snapshotTable, type SnapshotRow} from '../../../source/cli/snapshot.js';
import {isLive} from '../../../source/domain/container.js';
import {computeSample, type RawStats} from '../../../source/domain/stats-calc.js';
import {fixtureRows, loadJson} from '../../helpers/fixtures.js';

const now = Date.UTC(2026, 10, 24, 18, 0, 0);

/** The fixture containers as takeSnapshot returns them: sorted by name, live ones with a stats frame. */
function snapshotRows(): SnapshotRow[] {
	const [, frame] = loadJson<RawStats[]>('stats/busy-stream.json');
	assert.ok(frame);
	return fixtureRows()
		.map(row => (isLive(row.state) && row.state === 'running' ? {row, stats: computeSample(frame)} : {row}))
		.sort((a, b) => a.row.name.localeCompare(b.row.name));
}

/** Every C0 control but newline, DEL, and every C1 control: none may reach a pipe. */
const controls = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('snapshotTable', () => {
	const table = snapshotTable(snapshotRows(), now);
	const lines = table.split('\n');

	test('a header and one line per container, ending in a newline', () => {
		assert.equal(lines.at(-1), '');
		assert.equal(lines.length - 1, snapshotRows().length + 1);
		assert.match(lines[0] ?? '', /^NAME\s+IMAGE\s+STATE\s+CPU\s+MEM\s+PORTS$/);
	});

	test('contains no escape or control character at all (evil-labels)', () => {
		assert.doesNotMatch(table, controls);
		assert.ok(!table.includes('pwned'));
	});

	test('names, states and stats land on their lines', () => {
		const line = (name: string) => lines.find(l => l.startsWith(`${name} `)) ?? '';
		assert.match(line('job-failed'), /exited \(3\)/);
		assert.match(line('created-one'), /created\s+-\s+-\s+-$/);
		assert.match(line('web-healthy'), /running \(healthy\)/);
		assert.match(line('burner'), /\d+(\.\d+)?%\s+\S+B/);
		assert.ok(line('evil-labels').length > 0);
	});

	test('columns line up: every STATE cell starts at the same offset', () => {
		const offset = (lines[0] ?? '').indexOf('STATE');
		for (const l of lines.slice(1, -1)) assert.match(l.slice(offset), /^(running|created|exited|paused)/, l);
	});

	test('hostile names and images are sanitised, and wide ones cut at 40 cells', () => {
		const [base] = snapshotRows();
		assert.ok(base);
		const hostile: SnapshotRow = {row: {...base.row, name: `x\u001b]0;pwned\u0007y\u001b[2J\u009b31m${'n'.repeat(60)}`, image: 'img\r\nnext\u0007'}};
		const text = snapshotTable([hostile], now);
		assert.doesNotMatch(text, controls);
		assert.equal(text.split('\n').length, 3);
		assert.match(text, /^xy/m);
		assert.ok(!text.includes('pwned'));
	});

	test('an empty list is just the header', () => {
		assert.equal(snapshotTable([], now), 'NAME  IMAGE  STATE  CPU  MEM  PORTS\n');
	});
});

describe('snapshotJson', () => {
	const rows = snapshotRows();
	const text = snapshotJson(rows, 'unix:///fixture.sock');
	const doc = JSON.parse(text) as {engine: string; containers: Array<Record<string, unknown>>};
	const byName = (name: string) => doc.containers.find(c => c.name === name) ?? {};

	test('parses as one document with every container', () => {
		assert.equal(doc.engine, 'unix:///fixture.sock');
		assert.equal(doc.containers.length, rows.length);
		assert.ok(text.endsWith('}\n'));
	});

	test('carries no raw control characters (JSON escapes them)', () => {
		assert.doesNotMatch(text, controls);
	});

	const cases: Array<[string, string, unknown]> = [
		['job-failed', 'exitCode', 3],
		['job-failed', 'state', 'exited'],
		['web-healthy', 'health', 'healthy'],
		['web-healthy', 'composeProject', 'shop'],
		['demo-1', 'composeProject', 'demo'],
		['created-one', 'startedAt', null],
		['created-one', 'stats', null],
		['burner', 'health', null],
		['burner', 'startedAt', '2026-11-24T17:04:04.855Z'],
		['evil-labels', 'state', 'created'],
		['job-failed', 'oomKilled', false],
		['burner', 'crashLoop', false],
		['created-one', 'finishedAt', null],
	];
	for (const [name, field, expected] of cases) {
		test(`${name}.${field} is ${JSON.stringify(expected)}`, () => {
			assert.deepEqual(byName(name)[field], expected);
		});
	}

	test('labels, the finish time, an OOM kill and a crash loop are in the document', () => {
		const [base] = rows;
		assert.ok(base);
		const killed = {row: {...base.row, name: 'oom', state: 'exited' as const, exitCode: 137, oomKilled: true, finishedAt: Date.UTC(2026, 10, 24, 17, 59, 0), labels: {tier: 'db', DB_PASSWORD: 'hunter2'}}};
		const looping = {row: {...base.row, name: 'loop', state: 'restarting' as const, restartCount: 4}};
		const document = JSON.parse(snapshotJson([killed, looping], 'x', undefined, now)) as {containers: Array<Record<string, unknown>>};
		assert.deepEqual(document.containers[0], {...document.containers[0], oomKilled: true, crashLoop: false, finishedAt: '2026-11-24T17:59:00.000Z', labels: {tier: 'db', DB_PASSWORD: 'hunter2'}});
		assert.equal(document.containers[1]?.crashLoop, true);
	});

	test('running containers carry their stats sample', () => {
		const stats = byName('burner').stats as {cpuPercent: number; memoryUsage: number};
		assert.equal(typeof stats.cpuPercent, 'number');
		assert.ok(stats.memoryUsage > 0);
	});
});

describe('snapshot of several hosts', () => {
	const rows = snapshotRows().slice(0, 2).map((item, index) => ({...item, row: {...item.row, host: index === 0 ? 'local' : 'box'}}));
	const hosts = [
		{name: 'local', target: 'unix:///fixture.sock', status: 'up' as const},
		{name: 'box', target: 'ssh://box', status: 'up' as const},
		{name: 'far', target: 'tcp://far:2375', status: 'down' as const, error: 'connection refused\u001b[2J'},
	];

	test('json: a hosts array with each status and reason, and a host on each container', () => {
		const doc = JSON.parse(snapshotJson(rows, 'local, box, far', hosts)) as {hosts: unknown[]; containers: Array<{host: string}>};
		assert.deepEqual(doc.hosts, [
			{name: 'local', target: 'unix:///fixture.sock', status: 'up', error: null},
			{name: 'box', target: 'ssh://box', status: 'up', error: null},
			{name: 'far', target: 'tcp://far:2375', status: 'down', error: 'connection refused\u001b[2J'},
		]);
		assert.deepEqual(doc.containers.map(c => c.host), ['local', 'box']);
	});

	test('table: HOST first, and a line for each host that is down, sanitised', () => {
		const text = snapshotTable(rows, now, hosts);
		const lines = text.trimEnd().split('\n');
		assert.match(lines[0]!, /^HOST\s+NAME\s+IMAGE/);
		assert.match(lines[1]!, /^local\s/);
		assert.match(lines[2]!, /^box\s/);
		assert.equal(lines[3], 'far: down: connection refused');
		assert.doesNotMatch(text, controls);
	});

	test('one host: no host field, as before', () => {
		assert.doesNotMatch(snapshotJson(rows, 'x'), /"host"/);
		assert.doesNotMatch(snapshotTable(rows, now), /HOST/);
	});
});
