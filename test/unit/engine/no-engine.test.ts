import assert from 'node:assert/strict';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {resolveTarget} from '../../../source/engine/connection.js';
import {classifyError} from '../../../source/engine/connection-errors.js';

const home = '/nonexistent-home';
const enoent = Object.assign(new Error('connect ENOENT /var/run/docker.sock'), {code: 'ENOENT'});

describe('when no engine is found, the error says what was tried, in order', () => {
	const cases: Array<[string, NodeJS.ProcessEnv, string[] | undefined]> = [
		['nothing set, no socket', {XDG_RUNTIME_DIR: '/run/user/1000'},
			['DOCKER_HOST (not set)', `the docker CLI's context (none in ${join(home, '.docker', 'config.json')})`, '/var/run/docker.sock', '/run/user/1000/podman/podman.sock', '/run/podman/podman.sock']],
		['no XDG_RUNTIME_DIR: one Podman socket fewer', {},
			['DOCKER_HOST (not set)', `the docker CLI's context (none in ${join(home, '.docker', 'config.json')})`, '/var/run/docker.sock', '/run/podman/podman.sock']],
		['DOCKER_CONTEXT=default', {DOCKER_CONTEXT: 'default'},
			['DOCKER_HOST (not set)', 'the docker CLI\'s context (DOCKER_CONTEXT=default)', '/var/run/docker.sock', '/run/podman/podman.sock']],
	];
	for (const [name, env, tried] of cases) {
		test(name, () => {
			const target = resolveTarget({env, homeDir: home, exists: () => false});
			assert.equal(target.kind === 'unix' && target.tried !== undefined ? target.tried.join(' | ') : undefined, tried?.join(' | '));
		});
	}

	test('a socket that is there is chosen, with nothing to report', () => {
		const target = resolveTarget({env: {}, homeDir: home, exists: path => path === '/var/run/docker.sock'});
		assert.equal(target.kind === 'unix' && target.tried, undefined);
	});

	test('the one-line message lists them', () => {
		const target = resolveTarget({env: {XDG_RUNTIME_DIR: '/run/user/1000'}, homeDir: home, exists: () => false});
		const failure = classifyError(enoent, target);
		assert.equal(failure.exitCode, 3);
		assert.equal(failure.message, `no Docker engine found; tried, in order: DOCKER_HOST (not set), the docker CLI's context (none in ${join(home, '.docker', 'config.json')}), /var/run/docker.sock, /run/user/1000/podman/podman.sock, /run/podman/podman.sock (no such socket); start dockerd or Podman, or set DOCKER_HOST or --host`);
	});

	test('a socket named by DOCKER_HOST keeps its own message', () => {
		const target = resolveTarget({env: {DOCKER_HOST: 'unix:///tmp/d.sock'}, homeDir: home, exists: () => false});
		assert.match(classifyError(enoent, target).message, /\/tmp\/d\.sock does not exist \(is dockerd running\? check DOCKER_HOST\)/);
	});
});
