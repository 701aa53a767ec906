import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {bytesLayer, defaultArchiveName} from '../../../source/actions/image-archive.js';
import {pushFailureText, yesNo} from '../../../source/actions/image-verbs.js';
import {runBuildLine} from '../../../source/actions/build-actions.js';
import {dispatchKey} from '../../../source/actions/dispatch.js';
import {replaceImages} from '../../../source/store/resources-slice.js';
import {setView} from '../../../source/store/ui-slice.js';
import {seededStore} from '../../helpers/fixtures.js';
import {forbiddenEngine} from '../../helpers/forbidden-engine.js';
import {resourceFixtures} from '../../helpers/resource-fixtures.js';
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

/** Issue 17: every verb is hidden in --read-only but browsing and copying out (and save, which changes nothing on the engine). */
describe('image verbs in --read-only', () => {
	const readOnlyStore = (view: 'images' | 'containers') => {
		const store = seededStore({readOnly: true});
		store.update(state => setView(replaceImages(state, resourceFixtures.images()), view));
		return store;
	};
	const cases: Array<[string, 'images' | 'containers', string]> = [
		['t (tag)', 'images', 't'],
		['u (untag)', 'images', 'u'],
		['p (push)', 'images', 'p'],
		['L (load)', 'images', 'L'],
		['B (build)', 'images', 'B'],
		['c (commit)', 'containers', 'c'],
		['Y (copy in)', 'containers', 'Y'],
	];
	for (const [name, view, key] of cases) {
		it(`${name} asks nothing and never reaches the engine`, () => {
			const store = readOnlyStore(view);
			const engine = forbiddenEngine();
			dispatchKey(key, key, {engine, store, quit: () => undefined});
			assert.equal(store.getSnapshot().ui.prompt, undefined);
			assert.equal(store.getSnapshot().ui.confirm, undefined);
			assert.deepEqual(engine.calls, []);
		});
	}
	it(':build on the command line is refused, in one line', () => {
		const store = readOnlyStore('images');
		const engine = forbiddenEngine();
		assert.equal(runBuildLine(':build .', {engine, store}), true);
		assert.equal(store.getSnapshot().notice?.text, 'read-only: build is disabled');
		assert.deepEqual(engine.calls, []);
	});
	it('S (save) still asks for its path: it changes nothing on the engine', () => {
		const store = readOnlyStore('images');
		dispatchKey('S', 'S', {engine: forbiddenEngine(), store, quit: () => undefined});
		assert.match(store.getSnapshot().ui.prompt?.label ?? '', /^save /);
	});
	// The line opens with a suggested name, and a path typed after it made "x.tar/tmp/y.tar".
	it('S says how to clear the suggested name before typing a path', () => {
		const store = readOnlyStore('images');
		dispatchKey('S', 'S', {engine: forbiddenEngine(), store, quit: () => undefined});
		const prompt = store.getSnapshot().ui.prompt;
		assert.match(prompt?.text ?? '', /\.tar$/);
		assert.match(prompt?.help ?? '', /Ctrl-U clears it, Enter saves, Esc cancels$/);
	});
});
