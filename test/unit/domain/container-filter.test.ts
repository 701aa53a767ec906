import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {containerFilter, searchText} from '../../../source/domain/container-filter.js';
import type {ContainerRow} from '../../../source/domain/container.js';

const row = (name: string, change: Partial<ContainerRow> = {}): ContainerRow => ({
	id: `${name}-id`, name, image: 'busybox:1', state: 'running', health: undefined, exitCode: 0, startedAt: 1, createdAt: 1, finishedAt: 0,
	ports: [], labels: {}, restartCount: 0, command: 'sh', mounts: [], tty: false, ...change,
});

const rows = [
	row('shop-web', {composeProject: 'shop', labels: {'com.docker.compose.project': 'shop', tier: 'web'}}),
	row('shop-db', {composeProject: 'shop', labels: {'com.docker.compose.project': 'shop', tier: 'db'}, health: 'unhealthy'}),
	row('blog-api', {labels: {tier: 'api'}, health: 'healthy'}),
	row('job-1', {state: 'exited', exitCode: 3}),
	row('fresh', {state: 'created'}),
];

describe('containers filter (issue 10, smaller things)', () => {
	const cases: Array<[string, string[]]> = [
		['', ['shop-web', 'shop-db', 'blog-api', 'job-1', 'fresh']],
		['shop', ['shop-web', 'shop-db']],
		['!shop', ['blog-api', 'job-1', 'fresh']],
		['!', ['shop-web', 'shop-db', 'blog-api', 'job-1', 'fresh']],
		['unhealthy', ['shop-db']],
		['\\(healthy\\)', ['blog-api']],
		['!unhealthy', ['shop-web', 'blog-api', 'job-1', 'fresh']],
		['exited \\(3\\)', ['job-1']],
		['created', ['fresh']],
		['label:tier=db', ['shop-db']],
		['label:tier=^(web|api)$', ['shop-web', 'blog-api']],
		['label:tier', ['shop-web', 'shop-db', 'blog-api']],
		['!label:tier', ['job-1', 'fresh']],
		['LABEL:tier=DB', ['shop-db']],
		['label:nosuch', []],
		['^shop-', ['shop-web', 'shop-db']],
		// Not a valid regex: a plain substring, which the state words in brackets contain.
		['(', ['shop-db', 'blog-api', 'job-1']],
	];
	for (const [text, expected] of cases) {
		test(`"${text}" keeps ${expected.join(', ') || 'nothing'}`, () => {
			assert.deepEqual(rows.filter(containerFilter(text)).map(each => each.name), expected);
		});
	}

	test('the search text reads like the STATE cell', () => {
		assert.equal(searchText(rows[1]!), 'shop-db busybox:1 shop running (unhealthy)');
		assert.equal(searchText(rows[3]!), 'job-1 busybox:1  exited (3)');
	});
});
