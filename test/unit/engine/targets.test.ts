import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import type {EngineTarget} from '../../../source/engine/connection.js';
import {ConnectionConfigError} from '../../../source/engine/connection-errors.js';
import {listDockerContexts} from '../../../source/engine/docker-context.js';
import {nameTargets, resolveTargets, type HostSpec} from '../../../source/engine/targets.js';

let home = '';

function writeContext(name: string, host: string): void {
	const metaDir = join(home, '.docker', 'contexts', 'meta', createHash('sha256').update(name).digest('hex'));
	mkdirSync(metaDir, {recursive: true});
	writeFileSync(join(metaDir, 'meta.json'), JSON.stringify({Name: name, Metadata: {}, Endpoints: {docker: {Host: host, SkipTLSVerify: false}}}));
}

before(() => {
	home = mkdtempSync(join(tmpdir(), 'porthole-targets-'));
	writeContext('prod', 'ssh://deploy@prod.example:2222');
	writeContext('lab', 'tcp://10.0.0.5:2375');
	writeContext('staging', 'unix:///run/staging/docker.sock');
});

after(() => rmSync(home, {recursive: true, force: true}));

describe('resolveTargets names each host', () => {
	const host = (value: string): HostSpec => ({kind: 'host', value});
	const context = (value: string): HostSpec => ({kind: 'context', value});
	const cases: Array<{what: string; specs: HostSpec[]; names: string[]; env?: NodeJS.ProcessEnv}> = [
		{what: 'no flag: the default socket is "local"', specs: [], names: ['local']},
		{what: 'one --host of the default socket', specs: [host('unix:///var/run/docker.sock')], names: ['local']},
		{what: 'another socket: its folder', specs: [host('unix:///tmp/pe-one/docker.sock')], names: ['pe-one']},
		{what: 'a socket not named docker.sock: its file', specs: [host('unix:///run/podman/podman.sock')], names: ['podman']},
		{what: 'tcp: host:port', specs: [host('tcp://10.0.0.2:2375'), host('https://[::1]:2376')], names: ['10.0.0.2:2375', '[::1]:2376']},
		{what: 'ssh: the host (an alias stays an alias)', specs: [host('ssh://me@box'), host('ssh://build:2200')], names: ['box', 'build']},
		{what: 'contexts: their names, mixed with hosts', specs: [context('prod'), host('unix:///var/run/docker.sock'), context('lab')], names: ['prod', 'local', 'lab']},
		{what: 'the default context is the standard socket', specs: [context('default'), context('staging')], names: ['local', 'staging']},
		{what: 'duplicates get -2, -3', specs: [host('ssh://a@box'), host('ssh://b@box'), host('ssh://c@box:2222')], names: ['box', 'box-2', 'box-3']},
		{what: 'the same flag twice resolves twice (the engine-ID check refuses it at start)', specs: [host('tcp://h:1'), host('tcp://h:1')], names: ['h:1', 'h:1-2']},
		{what: 'DOCKER_HOST with no flag', specs: [], env: {DOCKER_HOST: 'tcp://remote:2375'}, names: ['remote:2375']},
	];
	for (const {what, specs, names, env = {}} of cases) {
		test(what, () => {
			const targets = resolveTargets({specs, env, homeDir: home, exists: path => path === '/var/run/docker.sock'});
			assert.deepEqual(targets.map(target => target.name), names);
		});
	}

	test('a malformed value among several is a config error naming it', () => {
		assert.throws(() => resolveTargets({specs: [host('unix:///var/run/docker.sock'), host('box:22')], env: {}, homeDir: home}), (error: Error) => error instanceof ConnectionConfigError && /box:22/.test(error.message));
		assert.throws(() => resolveTargets({specs: [context('nope'), host('tcp://h:1')], env: {}, homeDir: home}), /docker context "nope" does not exist/);
	});

	test('nameTargets keeps flag order and the targets themselves', () => {
		const targets: EngineTarget[] = [{kind: 'tcp', host: 'a', port: 1, source: '--host'}, {kind: 'tcp', host: 'a', port: 1, source: '--host'}];
		const named = nameTargets(targets);
		assert.equal(named[0]!.target, targets[0]);
		assert.deepEqual(named.map(n => n.name), ['a:1', 'a:1-2']);
	});
});

describe('listDockerContexts', () => {
	test('lists default first, then the contexts sorted', () => {
		assert.deepEqual(listDockerContexts(join(home, '.docker')), ['default', 'lab', 'prod', 'staging']);
	});
	test('no contexts folder: only default', () => {
		assert.deepEqual(listDockerContexts(join(home, 'missing')), ['default']);
	});
});
