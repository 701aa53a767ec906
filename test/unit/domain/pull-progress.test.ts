import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {applyPullMessage, finishPull, layerFraction, maxLayers, pullFraction, startPull, type PullMessage, type PullProgress} from '../../../source/domain/pull-progress.js';
import {resourceFixtures} from '../../helpers/resource-fixtures.js';

const apply = (messages: PullMessage[], start: PullProgress = startPull('r:1')) => messages.reduce(applyPullMessage, start);

describe('applyPullMessage', () => {
	const cases: Array<[string, PullMessage[], (p: PullProgress) => void]> = [
		['a status without a layer becomes the status line', [{status: 'Pulling from busybox', id: 'layered'}, {status: 'Digest: sha256:99'}], p => {
			assert.equal(p.status, 'Digest: sha256:99');
			assert.equal(p.layers.length, 0);
		}],
		['a layer moves through its phases', [{status: 'Pulling fs layer', id: 'a'}, {status: 'Downloading', id: 'a', progressDetail: {current: 50, total: 200}}], p => {
			assert.deepEqual(p.layers, [{id: 'a', phase: 'downloading', current: 50, total: 200}]);
		}],
		['download complete counts the whole layer', [{status: 'Downloading', id: 'a', progressDetail: {current: 50, total: 200}}, {status: 'Download complete', id: 'a'}], p => {
			assert.deepEqual(p.layers[0], {id: 'a', phase: 'downloaded', current: 200, total: 200});
		}],
		['current never exceeds total', [{status: 'Extracting', id: 'a', progressDetail: {current: 500, total: 200}}], p => assert.equal(p.layers[0]?.current, 200)],
		['negative or missing numbers read as 0', [{status: 'Downloading', id: 'a', progressDetail: {current: -5}}], p => assert.deepEqual(p.layers[0], {id: 'a', phase: 'downloading', current: 0, total: 0})],
		['an error message fails the pull', [{status: 'Downloading', id: 'a'}, {error: 'boom', errorDetail: {message: 'unauthorized: boom'}}], p => {
			assert.equal(p.state, 'failed');
			assert.equal(p.error, 'unauthorized: boom');
		}],
		['already exists is complete', [{status: 'Already exists', id: 'b'}], p => assert.equal(layerFraction(p.layers[0]!), 1)],
	];
	for (const [name, messages, check] of cases) test(name, () => check(apply(messages)));

	test('layers are capped, so a hostile stream cannot grow the state', () => {
		const messages = Array.from({length: maxLayers + 50}, (_, i) => ({status: 'Waiting', id: `l${i}`}));
		assert.equal(apply(messages).layers.length, maxLayers);
	});

	test('the captured pull of busybox:layered ends complete, and once layers download the total never goes backwards', () => {
		// The engine names every layer before the first download; until then a newly named layer lowers the average.
		let progress = startPull('127.0.0.1:5077/busybox:layered');
		let last = 0;
		let downloading = false;
		for (const message of resourceFixtures.pull()) {
			progress = applyPullMessage(progress, message);
			downloading ||= message.status === 'Downloading';
			const fraction = pullFraction(progress);
			if (downloading) assert.ok(fraction >= last, `${fraction} after ${last} at ${JSON.stringify(message)}`);
			last = fraction;
		}
		assert.deepEqual(progress.layers.map(layer => [layer.id, layer.phase]), [['d69b2341b880', 'exists'], ['26b593ce04cd', 'done']]);
		assert.equal(pullFraction(progress), 1);
		assert.match(progress.status, /^Status: Downloaded newer image/);
		assert.equal(finishPull(progress, 'done').state, 'done');
	});

	test('finishPull keeps a failure', () => {
		const failed = apply([{error: 'x'}]);
		assert.equal(finishPull(failed, 'done'), failed);
		assert.equal(finishPull(startPull('a'), 'cancelled').state, 'cancelled');
	});
});
