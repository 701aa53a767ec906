import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {parseBuildLine} from '../../../source/actions/build-actions.js';
import {applyBuildMessage, buildFailureText, finishBuild, maxBuildLines, startBuild, type BuildMessage} from '../../../source/domain/build-log.js';

describe('applyBuildMessage', () => {
	it('splits the stream into lines, tracks the step and cache hits, and names the image', () => {
		const messages: BuildMessage[] = [
			{stream: 'Step 1/3 : FROM busybox\n'},
			{stream: ' ---> 0123\n'},
			{stream: 'Step 2/3 : COPY . /app\n ---> Using cache\n'},
			{stream: 'Step 3/3 : RUN echo hi'},
			{stream: '\n ---> Running in abc\nhi\n'},
			{aux: {ID: 'sha256:feed'}},
			{stream: 'Successfully built feed\n'},
		];
		const progress = finishBuild(messages.reduce(applyBuildMessage, startBuild()), 'done');
		assert.deepEqual(progress.lines, ['Step 1/3 : FROM busybox', ' ---> 0123', 'Step 2/3 : COPY . /app', ' ---> Using cache', 'Step 3/3 : RUN echo hi', ' ---> Running in abc', 'hi', 'Successfully built feed']);
		assert.equal(progress.step, 'Step 3/3 : RUN echo hi');
		assert.equal(progress.cached, 1);
		assert.equal(progress.imageId, 'sha256:feed');
		assert.equal(progress.state, 'done');
	});

	it('fails with the engine error and names the step', () => {
		let progress = startBuild();
		for (const message of [{stream: 'Step 2/4 : RUN false\n'}, {stream: ' ---> Running in x'}, {errorDetail: {message: "The command '/bin/sh -c false' returned a non-zero code: 1"}, error: 'x'}] as BuildMessage[]) progress = applyBuildMessage(progress, message);
		progress = finishBuild(progress, 'done');
		assert.equal(progress.state, 'failed');
		assert.equal(buildFailureText(progress), "build failed at Step 2/4 : RUN false: The command '/bin/sh -c false' returned a non-zero code: 1");
		assert.equal(progress.lines.at(-1), "The command '/bin/sh -c false' returned a non-zero code: 1");
		assert.equal(buildFailureText(finishBuild(startBuild(), 'failed', 'no Dockerfile\nmore')), 'build failed: no Dockerfile');
	});

	it('keeps the newest lines past the bound', () => {
		const progress = applyBuildMessage(startBuild(), {stream: 'x\n'.repeat(maxBuildLines + 5)});
		assert.equal(progress.lines.length, maxBuildLines);
		assert.equal(progress.dropped, 5);
	});
});

describe('parseBuildLine', () => {
	const good: Array<[string, object]> = [
		['.', {path: '.'}],
		['./app -t app:dev', {path: './app', tag: 'app:dev'}],
		['app --tag app --target test -f other.Dockerfile', {path: 'app', tag: 'app:latest', target: 'test', dockerfile: 'other.Dockerfile'}],
		['"my dir" --build-arg A=1 --build-arg B=x=y', {path: 'my dir', buildArgs: {A: '1', B: 'x=y'}}],
	];
	for (const [line, expected] of good) it(`reads ${line}`, () => assert.deepEqual(parseBuildLine(line), expected));
	const bad: Array<[string, RegExp]> = [
		['', /a folder with a Dockerfile is needed/],
		['-t app:1', /a folder/],
		['. -t', /-t needs a value/],
		['. -t Bad', /lower case/],
		['. --build-arg NOVALUE', /KEY=value/],
		['. --squash', /unknown option --squash/],
		['a b', /one folder only/],
	];
	for (const [line, reason] of bad) {
		it(`refuses ${JSON.stringify(line)}`, () => {
			const parsed = parseBuildLine(line);
			assert.ok('error' in parsed);
			assert.match(parsed.error, reason);
		});
	}
});
