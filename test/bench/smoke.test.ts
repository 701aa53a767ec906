import assert from 'node:assert/strict';
import {execa} from 'execa';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {docker, testHost} from '../helpers/engine.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

// A quick run of the benchmark (N=5, 5 s windows), so it cannot rot. It is a
// benchmark, not a test of speed: nothing here asserts on time.
describe('the benchmark, smoke run', () => {
	it('measures every figure, keeps the frame inside the terminal, and cleans up', {timeout: 180_000}, async () => {
		testHost();
		const result = await execa(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--n', '5', '--seconds', '5', '--idle-seconds', '3', '--flood-seconds', '5', '--soak-seconds', '3', '--events', '4', '--no-docker-stats', '--no-ssh', '--no-build', '--json'], {cwd: root, reject: false});
		assert.equal(result.exitCode, 0, result.stderr);
		const lines = result.stdout.trim().split('\n');
		assert.equal(lines.length, 1, result.stdout);
		const run = JSON.parse(lines[0]!);
		assert.equal(run.n, 5);
		for (const key of ['firstFrameMs', 'bytesPerSecond', 'cpuPercent', 'rssMB', 'peakRssMB', 'engineBaselinePercent', 'enginePercent', 'latencyP50Ms', 'latencyP95Ms', 'keyP50Ms', 'keyP95Ms', 'idleBytesPerSecond', 'idleCpuPercent']) {
			assert.ok(Number.isFinite(run[key]) && run[key] >= 0, `${key} is a figure: ${run[key]}`);
		}
		assert.ok(run.bytesPerSecond > 0, 'the steady window saw output');
		assert.ok(run.rssMB > 10, `rss ${run.rssMB} MB`);
		assert.equal(run.latencySamples, 4);
		assert.equal(run.keySamples, 12, 'four rounds of /, b and Escape');
		assert.equal(run.scrolls, 0, 'no frame was taller than the terminal');
		assert.ok(!('skipped' in run.flood), `the flood ran: ${run.flood.skipped}`);
		assert.ok(run.flood.linesPerSecond > 0, 'the flood took lines in');
		assert.equal(run.soak?.seconds, 3);
		for (const key of ['rssStartMB', 'rssEndMB', 'rssMaxMB', 'cpuPercent', 'bytesPerSecond']) assert.ok(Number.isFinite(run.soak[key]) && run.soak[key] >= 0, `soak.${key} is a figure: ${run.soak[key]}`);
		const left = await docker('ps', '-aq', '--filter', `label=porthole.bench=${run.run}`);
		assert.equal(left, '', 'the workload was removed');
		const volumes = await docker('volume', 'ls', '-q', '--filter', `label=porthole.bench=${run.run}`);
		assert.equal(volumes, '', 'the volumes were removed');
	});

	it('the ssh run: first frames, one login, and the bytes across the link', {timeout: 180_000}, async () => {
		testHost();
		const result = await execa(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--ssh-only', '--ssh-n', '5', '--seconds', '3', '--no-build', '--json'], {cwd: root, reject: false});
		assert.equal(result.exitCode, 0, result.stderr);
		const lines = result.stdout.trim().split('\n');
		assert.equal(lines.length, 1, result.stdout);
		const run = JSON.parse(lines[0]!);
		assert.equal(run.bench, 'porthole-ssh');
		assert.equal(run.n, 5);
		for (const key of ['localFirstFrameMs', 'sshFirstFrameMs', 'linkBytesPerSecond', 'localReadBytesPerSecond', 'sshReadBytesPerSecond']) {
			assert.ok(Number.isFinite(run[key]) && run[key] > 0, `${key} is a figure: ${run[key]}`);
		}
		assert.equal(run.sshLogins, 1, 'one ssh login for the run');
	});
});
