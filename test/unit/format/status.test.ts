import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {ContainerRow} from '../../../source/domain/container.js';
import {formatLastExit, formatState, nextStateChange, stateColor} from '../../../source/format/status.js';

const now = Date.UTC(2025, 0, 15, 12, 0, 0);
const minute = 60_000;

function row(overrides: Partial<ContainerRow>): ContainerRow {
	return {
		id: 'abc123',
		name: 'web',
		image: 'busybox',
		state: 'running',
		health: undefined,
		exitCode: 0,
		startedAt: 0,
		createdAt: now - 60 * minute,
		finishedAt: 0,
		ports: [],
		labels: {},
		restartCount: 0,
		command: 'sh',
		mounts: [],
		tty: false,
		...overrides,
	};
}

describe('formatState', () => {
	const cases: Array<[string, Partial<ContainerRow>, string]> = [
		['running with uptime', {startedAt: now - 5 * minute}, 'running · 5m'],
		['running healthy', {health: 'healthy', startedAt: now - 125 * minute}, 'running (healthy) · 2h'], // one unit: a finer one redraws every row every second
		['running unhealthy', {health: 'unhealthy', startedAt: now - 30_000}, 'running (unhealthy) · <1m'],
		['running health starting', {health: 'starting', startedAt: now - 3000}, 'running (starting) · <1m'],
		['running without start time', {startedAt: 0}, 'running'],
		['paused hides health and uptime', {state: 'paused', health: 'healthy', startedAt: now - minute}, 'paused'],
		['exited with code and time', {state: 'exited', exitCode: 137, finishedAt: now - 3 * minute}, 'exited (137) · 3m ago'],
		['exited in the last minute', {state: 'exited', exitCode: 0, finishedAt: now - 59_000}, 'exited (0) · <1m ago'], // no per-second redraws
		['running for exactly a minute', {startedAt: now - minute}, 'running · 1m'],
		['exited cleanly', {state: 'exited', exitCode: 0, finishedAt: now - 2 * 24 * 60 * minute}, 'exited (0) · 2d ago'],
		['exited without finish time', {state: 'exited', exitCode: 1}, 'exited (1)'],
		['created', {state: 'created'}, 'created'],
		['restarting', {state: 'restarting', startedAt: now - minute}, 'restarting'],
		['removing', {state: 'removing'}, 'removing'],
		['dead', {state: 'dead'}, 'dead'],
		['OOM-killed', {state: 'exited', exitCode: 137, oomKilled: true, finishedAt: now - 3 * minute}, 'OOMKilled (137) · 3m ago'],
		['OOM flag on a running container is from an older run', {state: 'running', oomKilled: true, startedAt: now - 5 * minute}, 'running · 5m'],
		['restarting in a crash loop', {state: 'restarting', restartCount: 6}, 'restarting (crash loop)'],
		['restarting after an OOM kill', {state: 'restarting', restartCount: 2, oomKilled: true}, 'restarting (OOMKilled, crash loop)'],
		['running again after 3 restarts in the last minute', {restartCount: 3, startedAt: now - 20_000}, 'running (crash loop) · <1m'],
		['running for a while after 3 restarts is no loop', {restartCount: 3, startedAt: now - 5 * minute}, 'running · 5m'],
		['dead after an OOM kill', {state: 'dead', oomKilled: true}, 'dead (OOMKilled)'],
	];
	for (const [name, overrides, expected] of cases) {
		test(name, () => {
			assert.equal(formatState(row(overrides), now), expected);
		});
	}
});

describe('stateColor', () => {
	const cases: Array<[string, Partial<ContainerRow>, string | undefined]> = [
		['running', {}, 'green'],
		['running healthy', {health: 'healthy'}, 'green'],
		['running health starting', {health: 'starting'}, 'yellow'],
		['running unhealthy', {health: 'unhealthy'}, 'red'],
		['paused', {state: 'paused'}, 'yellow'],
		['restarting', {state: 'restarting'}, 'yellow'],
		['restarting in a crash loop', {state: 'restarting', restartCount: 4}, 'red'],
		['removing', {state: 'removing'}, 'yellow'],
		['exited 0', {state: 'exited', exitCode: 0}, 'gray'],
		['exited 137', {state: 'exited', exitCode: 137}, 'red'],
		['dead', {state: 'dead'}, 'red'],
		['created', {state: 'created'}, 'gray'],
		['unknown state from a newer engine', {state: 'hibernating' as ContainerRow['state']}, undefined],
	];
	for (const [name, overrides, expected] of cases) {
		test(name, () => {
			assert.equal(stateColor(row(overrides)), expected);
		});
	}
});

describe('nextStateChange', () => {
	const cases: Array<[string, Partial<ContainerRow>, number | undefined]> = [
		['running under a minute: at the minute', {startedAt: now - 20_000}, now + 40_000],
		['running 5m30s: at 6m', {startedAt: now - 5.5 * minute}, now + 30_000],
		['running 2h10m: at 3h', {startedAt: now - 130 * minute}, now + 50 * minute],
		['running 59m59s: at the hour', {startedAt: now - 3_599_000}, now + 1000],
		['exited 3m ago: at 4m', {state: 'exited', finishedAt: now - 3 * minute}, now + minute],
		['running without a start time', {startedAt: 0}, undefined],
		['paused shows no time', {state: 'paused', startedAt: now - minute}, undefined],
		['created shows no time', {state: 'created'}, undefined],
	];
	for (const [name, overrides, expected] of cases) {
		test(name, () => {
			assert.equal(nextStateChange(row(overrides), now), expected);
		});
	}
});

describe('formatLastExit', () => {
	const cases: Array<[string, Partial<ContainerRow>, string | undefined]> = [
		['running, never restarted', {startedAt: now - minute}, undefined],
		['exited', {state: 'exited', exitCode: 2, finishedAt: now - 3 * minute}, 'exit 2 · 3m ago'],
		['OOM-killed', {state: 'exited', exitCode: 137, oomKilled: true, finishedAt: now - 3 * minute}, 'OOMKilled: over its memory limit (exit 137) · 3m ago'],
		['restarting loop', {state: 'restarting', exitCode: 1, finishedAt: now - 2000, restartCount: 5}, 'exit 1 · 2s ago · crash loop, 5 restarts'],
		['running with one old restart', {restartCount: 1, startedAt: now - 60 * minute}, '1 restart'],
	];
	for (const [name, overrides, expected] of cases) test(name, () => assert.equal(formatLastExit(row(overrides), now), expected));
});
