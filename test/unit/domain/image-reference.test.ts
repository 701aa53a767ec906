import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {parseRepoTag, registryHost} from '../../../source/domain/image-reference.js';

describe('parseRepoTag', () => {
	const good: Array<[string, {repo: string; tag: string}]> = [
		['myapp', {repo: 'myapp', tag: 'latest'}],
		['myapp:1.0', {repo: 'myapp', tag: '1.0'}],
		['  team/my-app_x:v2-rc.1 ', {repo: 'team/my-app_x', tag: 'v2-rc.1'}],
		['127.0.0.1:5000/app', {repo: '127.0.0.1:5000/app', tag: 'latest'}],
		['127.0.0.1:5000/app:7', {repo: '127.0.0.1:5000/app', tag: '7'}],
		['Registry.Example.com/a/b:_x', {repo: 'Registry.Example.com/a/b', tag: '_x'}],
		['a__b:T', {repo: 'a__b', tag: 'T'}],
	];
	for (const [text, expected] of good) it(`accepts ${JSON.stringify(text)}`, () => assert.deepEqual(parseRepoTag(text), expected));
	const bad: Array<[string, RegExp]> = [
		['', /a name is needed/],
		['   ', /a name is needed/],
		['MyApp:1', /must be lower case/],
		['my app:1', /not a valid repository/],
		['app:', /not a valid tag/],
		['app:-x', /not a valid tag/],
		[`app:${'x'.repeat(129)}`, /not a valid tag/],
		['app@sha256:abc', /digest/],
		['/app', /not a valid repository/],
		['a//b', /not a valid repository/],
		['app:1:2', /not a valid repository/],
		['app:1\u001b[2J', /not a valid tag/],
	];
	for (const [text, reason] of bad) {
		it(`refuses ${JSON.stringify(text).slice(0, 40)}`, () => {
			const parsed = parseRepoTag(text);
			assert.ok('error' in parsed, JSON.stringify(parsed));
			assert.match(parsed.error, reason);
		});
	}
});

describe('registryHost', () => {
	const cases: Array<[string, string]> = [
		['busybox', 'docker.io'],
		['library/busybox', 'docker.io'],
		['127.0.0.1:5000/app', '127.0.0.1:5000'],
		['localhost/app', 'localhost'],
		['ghcr.io/org/app', 'ghcr.io'],
		['localhost', 'docker.io'],
	];
	for (const [repo, host] of cases) it(`${repo} -> ${host}`, () => assert.equal(registryHost(repo), host));
});
