import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {containerFilter} from '../../../source/domain/container-filter.js';
import type {ContainerRow} from '../../../source/domain/container.js';
import {dockerFilter, parseDockerFilter} from '../../../source/domain/docker-filter.js';

const row = (name: string, change: Partial<ContainerRow> = {}): ContainerRow => ({
	id: `${name}-id`, name, image: 'busybox:1', state: 'running', health: undefined, exitCode: 0, startedAt: 1, createdAt: 1, finishedAt: 0,
	ports: [], labels: {}, restartCount: 0, command: 'sh', mounts: [], tty: false, ...change,
});

const rows = [
	row('shop-web', {image: 'nginx:1.27', labels: {tier: 'web'}}),
	row('shop-db', {image: 'postgres:16', labels: {tier: 'db'}, health: 'unhealthy'}),
	row('blog-api', {image: 'registry.local/api@sha256:abc', labels: {tier: 'api'}, health: 'healthy'}),
	row('job-1', {state: 'exited', exitCode: 3}),
	row('fresh', {state: 'created', image: 'nginx:latest'}),
];

describe('docker ps --filter syntax, typed or given', () => {
	const cases: Array<[string, string[]]> = [
		['status=running', ['shop-web', 'shop-db', 'blog-api']],
		['status=exited', ['job-1']],
		// The same key twice: either.
		['status=exited status=created', ['job-1', 'fresh']],
		// Different keys: both.
		['status=running label=tier=db', ['shop-db']],
		['label=tier', ['shop-web', 'shop-db', 'blog-api']],
		['label=tier=web label=tier=api', ['shop-web', 'blog-api']],
		['name=shop', ['shop-web', 'shop-db']],
		['name=^blog', ['blog-api']],
		['ancestor=nginx', ['shop-web', 'fresh']],
		['ancestor=nginx:1.27', ['shop-web']],
		['ancestor=registry.local/api', ['blog-api']],
		['health=unhealthy', ['shop-db']],
		['health=none', ['shop-web', 'job-1', 'fresh']],
		['!status=running', ['job-1', 'fresh']],
		// Not wholly docker words: a text search, as before.
		['status=running shop', []],
		['tier=db', []],
	];
	for (const [text, expected] of cases) {
		test(text, () => assert.deepEqual(rows.filter(containerFilter(text)).map(each => each.name), expected));
	}
	test('an empty text is no docker filter', () => assert.equal(dockerFilter('  '), undefined));
});

describe('parseDockerFilter says what is wrong, for --filter', () => {
	const cases: Array<[string, unknown]> = [
		['status=paused', {key: 'status', value: 'paused'}],
		['label=a=b', {key: 'label', value: 'a=b'}],
		['LABEL=a', {key: 'label', value: 'a'}],
		['status=up', {error: '"status=up": status is one of created, restarting, running, removing, paused, exited, dead'}],
		['health=sick', {error: '"health=sick": health is one of starting, healthy, unhealthy, none'}],
		['name=', {error: '"name=" needs a value after ='}],
		['volume=x', {error: '"volume=x" is not a filter: expected label=..., status=..., name=..., ancestor=..., health=...'}],
		['shop', {error: '"shop" is not a filter: expected label=..., status=..., name=..., ancestor=..., health=...'}],
	];
	for (const [token, expected] of cases) test(token, () => assert.deepEqual(parseDockerFilter(token), expected));
});
