import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {imageTagRows, shortImageId, splitReference, type ImageRow} from '../../../source/domain/image.js';
import {isAnonymousVolume} from '../../../source/domain/volume.js';
import {resourceFixtures} from '../../helpers/resource-fixtures.js';

const image = (id: string, tags: string[], parentId = ''): ImageRow => ({id, tags, digests: [], parentId, createdAt: 0, size: 1, sharedSize: -1, labels: {}});

describe('imageTagRows', () => {
	test('one row per tag; untagged images are dangling, or intermediate when they are a parent', () => {
		const rows = imageTagRows([image('a', ['x:1', 'x:latest']), image('b', [], 'c'), image('c', [])]);
		assert.deepEqual(rows.map(row => [row.key, row.tag, row.kind]), [['a|x:1', 'x:1', 'tagged'], ['a|x:latest', 'x:latest', 'tagged'], ['b', undefined, 'dangling'], ['c', undefined, 'intermediate']]);
	});

	test('the captured list: the fixture image twice, the base once, one dangling', () => {
		const rows = imageTagRows(resourceFixtures.images());
		assert.deepEqual(rows.map(row => row.tag ?? `<none> ${row.kind}`).sort(), ['<none> dangling', 'fixture/app:1.0', 'fixture/app:latest', 'porthole-test/busybox:1']);
	});
});

describe('references and IDs', () => {
	const cases: Array<[string, {repository: string; tag: string}]> = [
		['alpine', {repository: 'alpine', tag: 'latest'}],
		['alpine:3.20', {repository: 'alpine', tag: '3.20'}],
		['127.0.0.1:5077/busybox:layered', {repository: '127.0.0.1:5077/busybox', tag: 'layered'}],
		['127.0.0.1:5077/busybox', {repository: '127.0.0.1:5077/busybox', tag: 'latest'}],
		['busybox@sha256:99', {repository: 'busybox', tag: 'sha256:99'}],
	];
	for (const [reference, expected] of cases) test(reference, () => assert.deepEqual(splitReference(reference), expected));
	test('short ID', () => assert.equal(shortImageId('sha256:6e44c2c074854e029c14b776'), '6e44c2c07485'));
	test('anonymous volumes', () => {
		assert.equal(isAnonymousVolume('a'.repeat(64), {}), true);
		assert.equal(isAnonymousVolume('data', {'com.docker.volume.anonymous': ''}), true);
		assert.equal(isAnonymousVolume('fx-data', {}), false);
	});
});
