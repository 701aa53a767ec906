import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {earlySocket} from '../../../source/engine/early-list.js';

// The launcher's guess at the UI's first engine: only what flags and the environment say at once, and never for a start that lists nothing.
describe('earlySocket', () => {
	const standard = (path: string) => path === '/var/run/docker.sock';
	const none = () => false;
	const cases: Array<[string, string[], NodeJS.ProcessEnv, (path: string) => boolean, string | undefined]> = [
		['no flags, no DOCKER_HOST: the standard socket', [], {}, standard, '/var/run/docker.sock'],
		['no standard socket: nothing to guess', [], {}, none, undefined],
		['DOCKER_HOST on a unix socket', [], {DOCKER_HOST: 'unix:///tmp/e/docker.sock'}, standard, '/tmp/e/docker.sock'],
		['DOCKER_HOST on tcp: not a socket to ask', [], {DOCKER_HOST: 'tcp://127.0.0.1:2375'}, standard, undefined],
		['DOCKER_HOST over ssh', [], {DOCKER_HOST: 'ssh://me@127.0.0.1'}, standard, undefined],
		['a docker context in the environment', [], {DOCKER_CONTEXT: 'remote'}, standard, undefined],
		['the default context named', [], {DOCKER_CONTEXT: 'default'}, standard, '/var/run/docker.sock'],
		['--host unix:// wins over DOCKER_HOST', ['--host', 'unix:///tmp/a.sock'], {DOCKER_HOST: 'unix:///tmp/b.sock'}, standard, '/tmp/a.sock'],
		['--host=unix://', ['--host=unix:///tmp/a.sock'], {}, standard, '/tmp/a.sock'],
		['-H unix://', ['-H', 'unix:///tmp/a.sock', '--read-only'], {}, standard, '/tmp/a.sock'],
		['--host on tcp', ['--host', 'tcp://127.0.0.1:2375'], {}, standard, undefined],
		['two hosts: no guess', ['-H', 'unix:///tmp/a.sock', '-H', 'unix:///tmp/b.sock'], {}, standard, undefined],
		['--context', ['--context', 'prod'], {}, standard, undefined],
		['-c=', ['-c', 'prod'], {}, standard, undefined],
		['a view and flags that do not move the engine', ['images', '--read-only', '--no-color', '--theme'], {}, standard, '/var/run/docker.sock'],
		['--once: no UI', ['--once'], {}, standard, undefined],
		['--json', ['--json', '-H', 'unix:///tmp/a.sock'], {}, standard, undefined],
		['--version', ['--version'], {}, standard, undefined],
		['-v', ['-v'], {}, standard, undefined],
		['--help', ['--help'], {}, standard, undefined],
		['the config command', ['config', 'path'], {}, standard, undefined],
		['logs NAME: asks by name first', ['logs', 'web'], {}, standard, undefined],
		['a relative unix:// path: not guessed', ['--host', 'unix://docker.sock'], {}, standard, undefined],
	];
	for (const [name, argv, env, exists, expected] of cases) {
		test(name, () => assert.equal(earlySocket(argv, env, exists), expected));
	}
});
