import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {bytesLayer, defaultArchiveName} from '../../../source/actions/image-archive.js';
import {pushFailureText, yesNo} from '../../../source/actions/image-verbs.js';
import {applyPullMessage, pullFraction, startPull} from '../../../source/domain/pull-progress.js';
import {layerLine, pullHeadline} from '../../../source/format/pull-lines.js';

describe('yesNo', () => {
	const cases: Array<[string, boolean, boolean | undefined]> = [
		['', true, true], ['', false, false], ['y', false, true], [' YES ', false, true], ['n', true, false], ['No', true, false], ['maybe', true, undefined],
	];
	for (const [text, fallback, expected] of cases) it(`${JSON.stringify(text)} (default ${fallback})`, () => assert.equal(yesNo(text, fallback), expected));
});

describe('pushFailureText', () => {
	const cases: Array<[string, RegExp]> = [
		['unauthorized: authentication required', /^push r:1 denied by the registry: unauthorized/],
		['denied: requested access to the resource is denied\nmore', /^push r:1 denied by the registry: denied: requested access to the resource is denied$/],
		['no basic auth credentials', /^push r:1 denied by the registry: no basic auth credentials$/],
		['Get "http://x/v2/": dial tcp: connection refused', /^push r:1 failed: Get/],
	];
	for (const [words, expected] of cases) it(words.slice(0, 30), () => assert.match(pushFailureText('r:1', words), expected));
});

describe('push progress', () => {
	it('moves layers through a push and fills the total bar', () => {
		const steps = [
			{status: 'The push refers to repository [127.0.0.1:5000/a]'},
			{status: 'Preparing', id: 'l1'},
			{status: 'Preparing', id: 'l2'},
			{status: 'Layer already exists', id: 'l2'},
			{status: 'Pushing', id: 'l1', progressDetail: {current: 500, total: 1000}},
		];
		let progress = startPull('127.0.0.1:5000/a:1', 'push');
		for (const step of steps) progress = applyPullMessage(progress, step);
		assert.deepEqual(progress.layers.map(layer => [layer.id, layer.phase, layer.current]), [['l1', 'uploading', 500], ['l2', 'exists', 0]]);
		assert.equal(pullFraction(progress), 0.75);
		assert.match(layerLine(progress.layers[0]!, 80, 'push'), /^l1 +pushing .*500B\/1000B|^l1 +pushing .*500B\/1kB/);
		assert.match(pullHeadline(progress, 60), /^pushing 127\.0\.0\.1:5000\/a:1 .* 75% *$/);
		progress = applyPullMessage(progress, {status: 'Pushed', id: 'l1'});
		assert.match(layerLine(progress.layers[0]!, 80, 'push'), /^l1 +pushed /);
		assert.equal(pullFraction(progress), 1);
		progress = applyPullMessage(progress, {errorDetail: {message: 'unauthorized'}, error: 'unauthorized'});
		assert.equal(progress.state, 'failed');
	});
});

describe('save and load bytes', () => {
	const cases: Array<[string, [number, number, boolean], {current: number; total: number; phase: string}]> = [
		['under way, against the estimate', [100, 1000, false], {current: 100, total: 1000, phase: 'uploading'}],
		['beyond the estimate: a full bar, the real count', [1500, 1000, false], {current: 1500, total: 1500, phase: 'uploading'}],
		['unknown total', [10, 0, false], {current: 10, total: 10, phase: 'uploading'}],
		['finished', [2000, 1000, true], {current: 2000, total: 2000, phase: 'done'}],
	];
	for (const [name, [current, total, finished], expected] of cases) {
		it(name, () => {
			const layer = bytesLayer(current, total, finished);
			assert.deepEqual({current: layer.current, total: layer.total, phase: layer.phase}, expected);
		});
	}
});

describe('defaultArchiveName', () => {
	const row = (tag: string | undefined) => ({key: 'k', kind: 'tagged' as const, image: {id: 'sha256:0123456789abcdef', tags: [], digests: [], parentId: '', createdAt: 0, size: 0, sharedSize: 0, labels: {}}, tag, users: [], sharedSize: 0});
	const cases: Array<[string | undefined, string]> = [
		['busybox:1', 'busybox_1.tar'],
		['127.0.0.1:5000/team/app:v2', '127.0.0.1_5000_team_app_v2.tar'],
		['../../etc/passwd:x', 'etc_passwd_x.tar'],
		[undefined, '0123456789ab.tar'],
	];
	for (const [tag, expected] of cases) it(String(tag), () => assert.equal(defaultArchiveName(row(tag)), expected));
});
