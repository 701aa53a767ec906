import assert from 'node:assert/strict';
import {chmod, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {authFromConfig, credentialsFor, dockerConfigPath, helperFor} from '../../../source/engine/docker-auth.js';

const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

describe('authFromConfig', () => {
	const cases: Array<[string, Parameters<typeof authFromConfig>[0], string, ReturnType<typeof authFromConfig>]> = [
		['base64 auth under the bare host', {auths: {'127.0.0.1:5000': {auth: basic('ann', 'p:w')}}}, '127.0.0.1:5000', {username: 'ann', password: 'p:w', serveraddress: '127.0.0.1:5000'}],
		['under an https URL', {auths: {'https://ghcr.io': {auth: basic('bo', 'x')}}}, 'ghcr.io', {username: 'bo', password: 'x', serveraddress: 'ghcr.io'}],
		['Docker Hub under its v1 URL', {auths: {'https://index.docker.io/v1/': {auth: basic('c', 'd')}}}, 'docker.io', {username: 'c', password: 'd', serveraddress: 'https://index.docker.io/v1/'}],
		['separate fields', {auths: {h: {username: 'u', password: 'v'}}}, 'h', {username: 'u', password: 'v', serveraddress: 'h'}],
		['an identity token', {auths: {h: {identitytoken: 'tok'}}}, 'h', {identitytoken: 'tok', serveraddress: 'h'}],
		['another host only', {auths: {other: {auth: basic('a', 'b')}}}, 'h', undefined],
		['auth without a colon', {auths: {h: {auth: Buffer.from('nocolon').toString('base64')}}}, 'h', undefined],
		['no auths at all', {}, 'h', undefined],
	];
	for (const [name, config, host, expected] of cases) it(name, () => assert.deepEqual(authFromConfig(config, host), expected));
});

describe('helperFor', () => {
	const cases: Array<[string, Parameters<typeof helperFor>[0], string, string | undefined]> = [
		['credHelpers for the host', {credHelpers: {'ghcr.io': 'gh'}, credsStore: 'desktop'}, 'ghcr.io', 'gh'],
		['credsStore otherwise', {credHelpers: {'ghcr.io': 'gh'}, credsStore: 'desktop'}, 'quay.io', 'desktop'],
		['none', {}, 'quay.io', undefined],
		['a path is never a helper name', {credsStore: '../../bin/sh'}, 'h', undefined],
	];
	for (const [name, config, host, expected] of cases) it(name, () => assert.equal(helperFor(config, host), expected));
});

describe('credentialsFor', () => {
	const dirs: string[] = [];
	after(async () => {
		for (const dir of dirs) await rm(dir, {recursive: true, force: true});
	});
	const configDir = async (config: unknown) => {
		const dir = await mkdtemp(join(tmpdir(), 'porthole-auth-'));
		dirs.push(dir);
		await writeFile(join(dir, 'config.json'), typeof config === 'string' ? config : JSON.stringify(config));
		return dir;
	};

	it('reads $DOCKER_CONFIG/config.json', async () => {
		const dir = await configDir({auths: {'127.0.0.1:5999': {auth: basic('me', 'secret')}}});
		assert.equal(dockerConfigPath({DOCKER_CONFIG: dir}), join(dir, 'config.json'));
		assert.deepEqual(await credentialsFor('127.0.0.1:5999', {DOCKER_CONFIG: dir}), {username: 'me', password: 'secret', serveraddress: '127.0.0.1:5999'});
	});

	it('has none when the file is missing or not JSON', async () => {
		const empty = await mkdtemp(join(tmpdir(), 'porthole-auth-'));
		dirs.push(empty);
		assert.equal(await credentialsFor('h', {DOCKER_CONFIG: empty}), undefined);
		assert.equal(await credentialsFor('h', {DOCKER_CONFIG: await configDir('{not json')}), undefined);
	});

	it('asks a credential helper named in credHelpers, before auths', async () => {
		const bin = await mkdtemp(join(tmpdir(), 'porthole-helper-'));
		dirs.push(bin);
		// A real helper program speaking the docker-credential protocol: the host on stdin, JSON on stdout.
		const helper = join(bin, 'docker-credential-porthole-test');
		await writeFile(helper, '#!/bin/sh\nread host\nprintf \'{"ServerURL":"%s","Username":"helper-user","Secret":"helper-secret"}\' "$host"\n');
		await chmod(helper, 0o755);
		const dir = await configDir({credHelpers: {'127.0.0.1:5999': 'porthole-test'}, auths: {'127.0.0.1:5999': {auth: basic('file', 'x')}}});
		const env = {DOCKER_CONFIG: dir, PATH: `${bin}:${process.env.PATH ?? ''}`};
		const saved = process.env.PATH;
		process.env.PATH = env.PATH;
		try {
			assert.deepEqual(await credentialsFor('127.0.0.1:5999', env), {username: 'helper-user', password: 'helper-secret', serveraddress: '127.0.0.1:5999'});
			// A helper that is not installed: the file's auths still answer.
			const other = await configDir({credsStore: 'porthole-absent', auths: {'127.0.0.1:5999': {auth: basic('file', 'x')}}});
			assert.deepEqual(await credentialsFor('127.0.0.1:5999', {DOCKER_CONFIG: other}), {username: 'file', password: 'x', serveraddress: '127.0.0.1:5999'});
		} finally {
			process.env.PATH = saved;
		}
	});
});
