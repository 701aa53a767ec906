import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {Agent as HttpAgent} from 'node:http';
import {Agent as HttpsAgent} from 'node:https';
import type Dockerode from 'dockerode';
import {describeTarget, dockerodeFor, resolveTarget, toDockerodeOptions, type EngineTarget} from '../../../source/engine/connection.js';
import {ConnectionConfigError, EXIT_USAGE} from '../../../source/engine/connection-errors.js';

/** Resolves `host` as the --host flag, with nothing else configured. */
function viaFlag(host: string): EngineTarget {
	return resolveTarget({host, env: {}, homeDir: '/nonexistent-home', exists: () => false});
}

/** EngineTarget without `source`, distributed over the union so each kind keeps its own fields. */
type Bare<T> = T extends unknown ? Omit<T, 'source'> : never;

describe('resolveTarget: URL forms', () => {
	const cases: Array<[string, Bare<EngineTarget>]> = [
		['unix:///var/run/docker.sock', {kind: 'unix', socketPath: '/var/run/docker.sock'}],
		['unix:///tmp/with space/d.sock', {kind: 'unix', socketPath: '/tmp/with space/d.sock'}],
		['UNIX:///run/d.sock', {kind: 'unix', socketPath: '/run/d.sock'}],
		['tcp://10.0.0.5:2375', {kind: 'tcp', host: '10.0.0.5', port: 2375}],
		['tcp://engine.local', {kind: 'tcp', host: 'engine.local', port: 2375}],
		['tcp://engine.local:4243/', {kind: 'tcp', host: 'engine.local', port: 4243}],
		['tcp://[::1]:2375', {kind: 'tcp', host: '::1', port: 2375}],
		['tcp://my_host-1:1', {kind: 'tcp', host: 'my_host-1', port: 1}],
		['tcp://h:65535', {kind: 'tcp', host: 'h', port: 65535}],
		['http://engine:2375', {kind: 'tcp', host: 'engine', port: 2375}],
		['http://engine', {kind: 'tcp', host: 'engine', port: 2375}],
		['https://engine', {kind: 'tcp', host: 'engine', port: 2376, tls: {verify: true}}],
		['https://engine:9999', {kind: 'tcp', host: 'engine', port: 9999, tls: {verify: true}}],
		// No port unless given: the ssh config's Port for the alias applies.
		['ssh://box', {kind: 'ssh', host: 'box'}],
		['ssh://me@box', {kind: 'ssh', host: 'box', username: 'me'}],
		['ssh://me@box:2222', {kind: 'ssh', host: 'box', port: 2222, username: 'me'}],
		['ssh://[fe80::1]:22', {kind: 'ssh', host: 'fe80::1', port: 22}],
	];
	for (const [host, expected] of cases) {
		test(host, () => {
			assert.deepEqual(viaFlag(host), {...expected, source: '--host'});
		});
	}
});

describe('resolveTarget: malformed hosts throw one-line ConnectionConfigError', () => {
	const cases: Array<[string, RegExp]> = [
		['tcp://', /missing host/],
		['foo', /missing scheme \(did you mean tcp:\/\/foo\?\)/],
		['localhost:2375', /did you mean tcp:\/\/localhost:2375/],
		['tcp://host:notaport', /port "notaport" is not a number from 1 to 65535/],
		['tcp://host:0', /port "0"/],
		['tcp://host:65536', /port "65536"/],
		['tcp://host:', /port ""/],
		['unix://', /missing socket path/],
		['unix://relative.sock', /must be absolute/],
		['npipe:////./pipe/docker_engine', /npipe is Windows-only/],
		['ftp://host', /unsupported scheme "ftp"/],
		['tcp://user@host:2375', /user names are only allowed for ssh/],
		['tcp://host:2375/prefix', /paths are not supported/],
		['ssh://me@', /missing host/],
		['ssh://box/path', /paths are not supported/],
		['tcp://bad host', /bad host name/],
		['tcp://host\n:1', /bad host name/],
	];
	for (const [host, reason] of cases) {
		test(JSON.stringify(host), () => {
			for (const via of ['--host', 'DOCKER_HOST'] as const) {
				const input = via === '--host' ? {host, env: {}} : {env: {DOCKER_HOST: host}};
				assert.throws(
					() => resolveTarget({...input, homeDir: '/nonexistent-home', exists: () => false}),
					(error: unknown) => {
						assert.ok(error instanceof ConnectionConfigError);
						assert.equal(error.exitCode, EXIT_USAGE);
						assert.match(error.message, reason);
						assert.ok(error.message.startsWith(`invalid ${via} ${JSON.stringify(host)}:`), error.message);
						assert.match(error.message, /unix:\/\/\/path.*tcp:\/\/host\[:port\].*ssh:\/\//);
						assert.ok(!error.message.includes('\n'), 'one line');
						return true;
					},
				);
			}
		});
	}

	test('an empty --host is an error, an empty DOCKER_HOST is unset', () => {
		assert.throws(() => viaFlag(''), /--host needs a value/);
		const target = resolveTarget({env: {DOCKER_HOST: ''}, homeDir: '/nonexistent-home', exists: () => false});
		assert.equal(target.source, 'default socket');
	});
});

describe('toDockerodeOptions', () => {
	test('unix: the socket path, and nothing docker-modem could take from DOCKER_HOST', () => {
		const options = toDockerodeOptions({kind: 'unix', socketPath: '/run/d.sock', source: 'x'});
		assert.equal(options.socketPath, '/run/d.sock');
		assert.equal(options.protocol, 'http');
		// Present but undefined, so Object.assign in docker-modem overrides its env-derived defaults.
		for (const key of ['host', 'port', 'ca', 'cert', 'key', 'username'] as const) {
			assert.ok(key in options && options[key] === undefined, key);
		}
	});

	test('tcp without TLS', () => {
		const {agent, ...options} = toDockerodeOptions({kind: 'tcp', host: 'h', port: 2375, source: 'x'}) as Dockerode.DockerOptions & {agent?: unknown};
		assert.deepEqual({...options}, {
			host: 'h', port: 2375, protocol: 'http', username: undefined, ca: undefined, cert: undefined, key: undefined,
		});
		assert.ok(agent instanceof HttpAgent);
	});

	test('tcp with verified TLS passes the PEMs and no agent', () => {
		const [ca, cert, key] = [Buffer.from('ca'), Buffer.from('cert'), Buffer.from('key')];
		const options = toDockerodeOptions({kind: 'tcp', host: 'h', port: 2376, tls: {ca, cert, key, verify: true}, source: 'x'});
		assert.equal(options.protocol, 'https');
		assert.deepEqual([options.ca, options.cert, options.key], [ca, cert, key]);
		assert.equal('agent' in options, false);
	});

	test('tcp with unverified TLS adds an agent that does not reject', () => {
		const options = toDockerodeOptions({kind: 'tcp', host: 'h', port: 2376, tls: {verify: false}, source: 'x'});
		const agent = (options as {agent?: HttpsAgent}).agent;
		assert.ok(agent instanceof HttpsAgent);
		assert.equal(agent.options.rejectUnauthorized, false);
	});

	test('ssh goes to its tunnel\'s local socket, never docker-modem\'s own ssh', () => {
		const target: EngineTarget = {kind: 'ssh', host: 'box', port: 2222, username: 'me', source: 'x'};
		const options = toDockerodeOptions(target, '/tmp/porthole-ssh-x/docker.sock');
		assert.equal(options.protocol, 'http');
		assert.equal(options.socketPath, '/tmp/porthole-ssh-x/docker.sock');
		assert.deepEqual([options.host, options.port, options.username, options.sshOptions], [undefined, undefined, undefined, undefined]);
		assert.throws(() => toDockerodeOptions(target), /SshTunnel/);
	});
});

describe('dockerodeFor: the environment never reaches docker-modem', () => {
	// docker-modem reads these itself whenever DOCKER_HOST is set, and throws when DOCKER_CERT_PATH lacks cert.pem.
	const cases: Array<[string, NodeJS.ProcessEnv, EngineTarget]> = [
		['a cert folder without cert.pem, for https:// with only a CA', {DOCKER_HOST: 'https://h:2376', DOCKER_CERT_PATH: '/nonexistent'},
			{kind: 'tcp', host: 'h', port: 2376, tls: {verify: true}, source: 'DOCKER_HOST'}],
		['a stray DOCKER_CLIENT_TIMEOUT', {DOCKER_HOST: 'tcp://h:2375', DOCKER_CLIENT_TIMEOUT: '5'},
			{kind: 'tcp', host: 'h', port: 2375, source: 'DOCKER_HOST'}],
		['a malformed DOCKER_HOST while --host chose a socket', {DOCKER_HOST: 'tcp://[bad', DOCKER_CERT_PATH: '/nonexistent'},
			{kind: 'unix', socketPath: '/run/d.sock', source: '--host'}],
	];
	for (const [name, env, target] of cases) {
		test(name, () => {
			const keys = ['DOCKER_HOST', 'DOCKER_CERT_PATH', 'DOCKER_CLIENT_TIMEOUT'] as const;
			const saved = keys.map(key => process.env[key]);
			try {
				for (const key of keys) delete process.env[key];
				Object.assign(process.env, env);
				const modem = (dockerodeFor(target) as unknown as {modem: {timeout?: number; cert?: unknown; socketPath?: unknown}}).modem;
				assert.equal(modem.timeout, undefined);
				assert.equal(modem.cert, undefined);
				if (target.kind === 'unix') assert.equal(modem.socketPath, target.socketPath);
				assert.equal(process.env.DOCKER_HOST, env.DOCKER_HOST, 'DOCKER_HOST is put back');
			} finally {
				keys.forEach((key, index) => {
					if (saved[index] === undefined) delete process.env[key];
					else process.env[key] = saved[index];
				});
			}
		});
	}
});

describe('describeTarget', () => {
	const cases: Array<[EngineTarget, string]> = [
		[{kind: 'unix', socketPath: '/var/run/docker.sock', source: 's'}, 'unix:///var/run/docker.sock'],
		[{kind: 'tcp', host: '10.0.0.5', port: 2375, source: 's'}, 'tcp://10.0.0.5:2375'],
		[{kind: 'tcp', host: '::1', port: 2375, source: 's'}, 'tcp://[::1]:2375'],
		[{kind: 'tcp', host: 'h', port: 2376, tls: {verify: true}, source: 's'}, 'tcp://h:2376 (TLS)'],
		[{kind: 'tcp', host: 'h', port: 2376, tls: {verify: false}, source: 's'}, 'tcp://h:2376 (TLS, unverified)'],
		[{kind: 'ssh', host: 'box', source: 's'}, 'ssh://box'],
		[{kind: 'ssh', host: 'box', port: 22, source: 's'}, 'ssh://box:22'],
		[{kind: 'ssh', host: 'box', port: 2222, username: 'me', source: 's'}, 'ssh://me@box:2222'],
	];
	for (const [target, expected] of cases) {
		test(expected, () => assert.equal(describeTarget(target), expected));
	}
});
