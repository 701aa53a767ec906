import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, test} from 'node:test';
import {ConnectionConfigError} from '../../../source/engine/connection-errors.js';
import {contextDigest, dockerConfigDir, readCurrentContext, readDockerContext} from '../../../source/engine/docker-context.js';

let dir = '';
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'porthole-context-'));
});
afterEach(() => rmSync(dir, {recursive: true, force: true}));

function write(relative: string, text: string): void {
	const file = join(dir, relative);
	mkdirSync(join(file, '..'), {recursive: true});
	writeFileSync(file, text);
}

describe('dockerConfigDir', () => {
	test('DOCKER_CONFIG wins', () => assert.equal(dockerConfigDir({DOCKER_CONFIG: '/cfg'}, '/home/me'), '/cfg'));
	test('else ~/.docker', () => assert.equal(dockerConfigDir({}, '/home/me'), '/home/me/.docker'));
});

describe('contextDigest', () => {
	// Values from `echo -n NAME | sha256sum`, matching what `docker context create` wrote on this machine.
	const cases: Array<[string, string]> = [
		['foo', '2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae'],
		['bar', 'fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9'],
	];
	for (const [name, digest] of cases) test(name, () => assert.equal(contextDigest(name), digest));
});

describe('readCurrentContext', () => {
	const cases: Array<[string, string | undefined, string | undefined]> = [
		['no config file', undefined, undefined],
		['no currentContext', '{"auths":{}}', undefined],
		['currentContext set', '{"currentContext":"remote"}', 'remote'],
		['"default" means none', '{"currentContext":"default"}', undefined],
		['empty means none', '{"currentContext":""}', undefined],
		['not a string', '{"currentContext":5}', undefined],
	];
	for (const [name, text, expected] of cases) {
		test(name, () => {
			if (text !== undefined) write('config.json', text);
			assert.equal(readCurrentContext(dir), expected);
		});
	}

	test('a broken config.json is a config error naming the file', () => {
		write('config.json', '{not json');
		assert.throws(() => readCurrentContext(dir), (error: unknown) =>
			error instanceof ConnectionConfigError && error.message.includes(join(dir, 'config.json')));
	});
});

describe('readDockerContext', () => {
	test('reads Host, SkipTLSVerify and the TLS files from the sha256 folders', () => {
		const digest = contextDigest('foo');
		write(`contexts/meta/${digest}/meta.json`, JSON.stringify({
			Name: 'foo', Metadata: {}, Endpoints: {docker: {Host: 'tcp://example.com:2376', SkipTLSVerify: true}},
		}));
		write(`contexts/tls/${digest}/docker/ca.pem`, 'CA');
		write(`contexts/tls/${digest}/docker/cert.pem`, 'CERT');
		write(`contexts/tls/${digest}/docker/key.pem`, 'KEY');
		const endpoint = readDockerContext(dir, 'foo');
		assert.equal(endpoint.host, 'tcp://example.com:2376');
		assert.equal(endpoint.skipTLSVerify, true);
		assert.deepEqual([endpoint.tls?.ca, endpoint.tls?.cert, endpoint.tls?.key].map(String), ['CA', 'CERT', 'KEY']);
	});

	test('no TLS folder means no tls', () => {
		write(`contexts/meta/${contextDigest('bar')}/meta.json`, '{"Endpoints":{"docker":{"Host":"ssh://me@box"}}}');
		assert.deepEqual(readDockerContext(dir, 'bar'), {name: 'bar', host: 'ssh://me@box', skipTLSVerify: false});
	});

	const broken: Array<[string, string | undefined, RegExp]> = [
		['missing', undefined, /docker context "x" does not exist/],
		['not JSON', '{', /docker context "x" is unreadable/],
		['no docker endpoint', '{"Endpoints":{}}', /has no docker endpoint/],
		['empty host', '{"Endpoints":{"docker":{"Host":""}}}', /has no docker endpoint/],
	];
	for (const [name, text, message] of broken) {
		test(name, () => {
			if (text !== undefined) write(`contexts/meta/${contextDigest('x')}/meta.json`, text);
			assert.throws(() => readDockerContext(dir, 'x'), (error: unknown) =>
				error instanceof ConnectionConfigError && message.test(error.message) && !error.message.includes('\n'));
		});
	}
});
