import assert from 'node:assert/strict';
import {execa} from 'execa';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {parsePeer, peerReport, ratio} from '../../bench/peer.js';
import {docker, testHost} from '../helpers/engine.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// --no-ssh: the ssh run (50 containers by default) is the smoke test's to cover; here it only slowed the run and left its workload for the next test to find.
const bench = (...args: string[]) => execa(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--n', '5', '--seconds', '3', '--idle-seconds', '1', '--flood-seconds', '0', '--events', '2', '--no-docker-stats', '--no-ssh', '--no-build', ...args], {cwd: root, reject: false});

describe('bench --peer', () => {
	const parses: Array<[string, {name: string; command: string}]> = [
		['lazydocker=/opt/lazydocker', {name: 'lazydocker', command: '/opt/lazydocker'}],
		['sea=dist/porthole-linux-x64 --view containers', {name: 'sea', command: 'dist/porthole-linux-x64 --view containers'}],
		['a.b-c_1=x=y', {name: 'a.b-c_1', command: 'x=y'}],
	];
	for (const [text, expected] of parses) it(`parses ${text}`, () => assert.deepEqual(parsePeer(text), expected));

	const rejects: Array<[string, RegExp]> = [
		['lazydocker', /NAME=COMMAND/],
		['=cmd', /NAME=COMMAND/],
		['name=', /NAME=COMMAND/],
		['name=   ', /NAME=COMMAND/],
		['-x=cmd', /NAME=COMMAND/],
		['porthole=cmd', /taken by Porthole/],
	];
	for (const [text, message] of rejects) it(`rejects ${JSON.stringify(text)}`, () => assert.throws(() => parsePeer(text), message));

	const ratios: Array<[number, number, string]> = [[0.32, 0.16, '2.00'], [3, 4, '0.75'], [1, 0, '-'], [1, -0.2, '-'], [0, 2, '0.00']];
	for (const [ours, theirs, expected] of ratios) it(`ratio ${ours} over ${theirs} is ${expected}`, () => assert.equal(ratio(ours, theirs), expected));

	it('the side-by-side table has every figure, each peer, and the ratios', () => {
		const peer = {name: 'other', command: 'x', firstFrameMs: 150, firstByteMs: 80, bytesPerSecond: 10_000, cpuPercent: 4, rssMB: 34, rssAnonMB: 20, enginePercent: 15, engineAddedPoints: 12, exitCode: 0};
		const text = peerReport([{n: 50, firstFrameMs: 300, firstByteMs: 240, bytesPerSecond: 2000, cpuPercent: 2, rssMB: 115, rssAnonMB: 55, enginePercent: 6, engineBaselinePercent: 3, peers: [peer]}]);
		const rows = text.split('\n');
		assert.match(rows[0]!, /^N\s+figure\s+porthole\s+other\s+÷ other$/);
		const expected: Array<[string, string]> = [['first frame ms', '2.00'], ['first byte ms', '3.00'], ['CPU %', '0.50'], ['RssAnon MB', '2.75'], ['RSS MB', '3.38'], ['terminal B/s', '0.20'], ['engine CPU added \\(points\\)', '0.25']];
		for (const [label, value] of expected) assert.ok(rows.some(row => new RegExp(`^50\\s+${label}\\s+.*\\s${value.replace('.', '\\.')}$`).test(row)), `${label} ÷ ${value} in\n${text}`);
		assert.equal(peerReport([{n: 5, firstFrameMs: 1, firstByteMs: 1, bytesPerSecond: 1, cpuPercent: 1, rssMB: 1, rssAnonMB: 1, enginePercent: 1, engineBaselinePercent: 1, peers: []}]), '');
	});

	it('measures a peer (the npm CLI itself) in the same run and prints the ratios', {timeout: 180_000}, async () => {
		testHost();
		const result = await bench('--peer', `self=${process.execPath} dist/porthole.js`);
		assert.equal(result.exitCode, 0, result.stderr);
		const run = JSON.parse(result.stdout.split('\n')[0]!);
		assert.equal(run.peers.length, 1);
		const peer = run.peers[0];
		assert.equal(peer.name, 'self');
		for (const key of ['firstFrameMs', 'firstByteMs', 'bytesPerSecond', 'cpuPercent', 'rssMB', 'rssAnonMB', 'enginePercent']) {
			assert.ok(Number.isFinite(peer[key]) && peer[key] >= 0, `peer ${key} is a figure: ${peer[key]}`);
		}
		assert.ok(peer.firstByteMs <= peer.firstFrameMs && peer.firstFrameMs > 0, `first byte ${peer.firstByteMs} ms, first frame ${peer.firstFrameMs} ms`);
		assert.ok(peer.rssAnonMB > 5 && peer.rssAnonMB < peer.rssMB, `RssAnon ${peer.rssAnonMB} of RSS ${peer.rssMB} MB`);
		assert.ok(peer.bytesPerSecond > 0, 'the peer drew during its window');
		assert.ok(Number.isFinite(peer.engineAddedPoints));
		assert.ok(run.rssAnonMB > 5 && Number.isFinite(run.firstByteMs), 'Porthole has the same figures');
		assert.match(result.stdout, /Side by side/);
		for (const label of ['first frame ms', 'CPU %', 'RssAnon MB', 'terminal B/s', 'engine CPU added']) assert.match(result.stdout, new RegExp(`\\n5\\s+${label.replace(/[()]/g, '\\$&')}\\s`), label);
		assert.equal(await docker('ps', '-aq', '--filter', `label=porthole.bench=${run.run}`), '', 'the workload was removed');
	});

	it('a peer that cannot start fails the run with its reason, and cleans up', {timeout: 120_000}, async () => {
		testHost();
		const result = await bench('--peer', 'broken=/no/such/monitor');
		assert.equal(result.exitCode, 1);
		assert.match(result.stderr, /bench: peer broken exited with 127 before its first frame: .*no\/such\/monitor/);
		const left = await docker('ps', '-aq', '--filter', 'label=porthole.bench');
		assert.equal(left, '', 'no workload left behind');
	});

	it('a malformed --peer is one line and exit 1', async () => {
		const result = await bench('--peer', 'nonsense');
		assert.equal(result.exitCode, 1);
		assert.equal(result.stderr, 'bench: --peer needs NAME=COMMAND, e.g. --peer lazydocker=/opt/lazydocker (got "nonsense")');
	});
});
