import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {diskSummary, imagePruneEstimate, volumePruneEstimate, type DiskUsage} from '../../../source/domain/disk-usage.js';
import {resourceFixtures} from '../../helpers/resource-fixtures.js';

const image = (id: string, size: number, sharedSize: number, containers: number, tags: string[] = [`${id}:1`]) => ({id, tags, size, sharedSize, containers});
const usage = (change: Partial<DiskUsage>): DiskUsage => ({layersSize: 0, images: [], containers: [], volumes: [], buildCache: [], ...change});

describe('diskSummary: reclaimable space as docker system df computes it', () => {
	const cases: Array<[string, DiskUsage, Record<string, [number, number, number, number]>]> = [
		['nothing', usage({}), {Images: [0, 0, 0, 0], Containers: [0, 0, 0, 0], 'Local Volumes': [0, 0, 0, 0], 'Build Cache': [0, 0, 0, 0]}],
		['an unused image is reclaimable, a used one is not, shared bytes stay', usage({layersSize: 300, images: [image('a', 200, 100, 1), image('b', 150, 100, 0)]}), {Images: [2, 1, 300, 200]}],
		['stopped containers reclaim their writable layer', usage({containers: [{id: 'r', sizeRw: 10, state: 'running'}, {id: 's', sizeRw: 30, state: 'exited'}, {id: 'p', sizeRw: 5, state: 'paused'}]}), {Containers: [3, 2, 45, 30]}],
		['unreferenced volumes are reclaimable; unknown sizes (-1) count as 0', usage({volumes: [{name: 'a', size: 100, refCount: 1}, {name: 'b', size: 40, refCount: 0}, {name: 'c', size: -1, refCount: 0}]}), {'Local Volumes': [3, 1, 140, 40]}],
		['build cache: shared entries are left out, in-use ones are not reclaimable', usage({buildCache: [{size: 10, inUse: true, shared: false}, {size: 20, inUse: false, shared: false}, {size: 40, inUse: false, shared: true}]}), {'Build Cache': [3, 1, 30, 20]}],
	];
	for (const [name, input, expected] of cases) test(name, () => {
		const lines = diskSummary(input);
		for (const [kind, [count, active, total, reclaimable]] of Object.entries(expected)) {
			assert.deepEqual(lines.find(line => line.kind === kind), {kind, count, active, total, reclaimable}, kind);
		}
	});

	test('the report captured from the real engine', () => {
		const lines = diskSummary(resourceFixtures.disk());
		assert.deepEqual(lines.map(line => [line.kind, line.count, line.active]), [['Images', 3, 2], ['Containers', 1, 0], ['Local Volumes', 2, 2], ['Build Cache', 0, 0]]);
		const images = lines[0]!;
		assert.ok(images.total > 0 && images.reclaimable >= 0 && images.reclaimable <= images.total);
	});
});

describe('prune estimates', () => {
	const report = usage({images: [image('used', 200, 100, 1), image('tagged', 150, 100, 0), image('dangling', 80, 30, 0, [])], volumes: [{name: 'a', size: 7, refCount: 0}, {name: 'b', size: 9, refCount: 2}]});
	const cases: Array<[string, {count: number; bytes: number}, {count: number; bytes: number}]> = [
		['dangling images: only untagged unused ones, their own bytes', imagePruneEstimate(report, 'dangling'), {count: 1, bytes: 50}],
		['all unused images', imagePruneEstimate(report, 'all'), {count: 2, bytes: 100}],
		['unused volumes', volumePruneEstimate(report), {count: 1, bytes: 7}],
	];
	for (const [name, actual, expected] of cases) test(name, () => assert.deepEqual(actual, expected));
});
