import assert from 'node:assert/strict';
import {execa} from 'execa';
import {spawn} from 'node:child_process';
import {closeSync, openSync} from 'node:fs';
import {createServer, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {testHost} from '../helpers/engine.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));
const env = {DOCKER_HOST: '', PATH: process.env.PATH ?? ''};
const run = (args: string[]) => execa(process.execPath, [cli, ...args], {reject: false, env, extendEnv: false, stdin: 'ignore'});

/** Runs the CLI with `fd` as its own stdout (execa would pipe a file through the parent, which then sees the error, not the child). */
function runInto(args: string[], fd: number): Promise<{exitCode: number | null; stderr: string}> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cli, ...args], {env, stdio: ['ignore', fd, 'pipe']});
		let stderr = '';
		child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', reject).on('close', exitCode => resolve({exitCode, stderr}));
	});
}

/** Exactly one line on stderr, starting with "porthole:": no stack, no Node warning, no HTML. */
function assertOneLineError(stderr: string, pattern: RegExp) {
	const lines = stderr.trim().split('\n');
	assert.equal(lines.length, 1, `one line, got:\n${stderr}`);
	assert.match(lines[0] ?? '', /^porthole: /);
	assert.match(lines[0] ?? '', pattern);
	assert.doesNotMatch(stderr, /DEP0\d+|DeprecationWarning|\n\s+at |<html|<body/i);
}

/** A real HTTP server on 127.0.0.1; `handle` answers each request (or never does). */
async function serve(handle: (url: string, response: ServerResponse) => void): Promise<{server: Server; host: string; held: ServerResponse[]}> {
	const held: ServerResponse[] = [];
	const server = createServer((request, response) => {
		held.push(response);
		handle(request.url ?? '', response);
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return {server, host: `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`, held};
}

async function close(fake: {server: Server; held: ServerResponse[]} | undefined) {
	if (!fake) return;
	for (const response of fake.held) response.destroy();
	fake.server.closeAllConnections();
	await new Promise(resolve => fake.server.close(resolve));
}

describe('exit codes and stderr of the non-interactive modes', () => {
	let stuck: Awaited<ReturnType<typeof serve>> | undefined;
	let web: Awaited<ReturnType<typeof serve>> | undefined;
	let page: Awaited<ReturnType<typeof serve>> | undefined;
	before(async () => {
		// A stuck dockerd: /_ping answers, the list never does.
		stuck = await serve((url, response) => {
			if (url.startsWith('/_ping')) response.writeHead(200, {'Content-Type': 'text/plain', 'Api-Version': '1.47'}).end('OK');
		});
		// Not a Docker engine at all: a web server with an HTML page for everything.
		web = await serve((_url, response) => {
			response.writeHead(404, {'Content-Type': 'text/html'}).end('<html><head><title>404 Not Found</title></head>\n<body><h1>Not Found</h1>\n<p>nginx</p></body></html>\n');
		});
		// A web server that answers 200 with its page for every path, /_ping included.
		page = await serve((_url, response) => {
			response.writeHead(200, {'Content-Type': 'text/html'}).end('<!doctype html><title>Welcome</title><p>It works</p>');
		});
	});
	after(async () => {
		await close(stuck);
		await close(web);
		await close(page);
	});

	it('--once on an engine that answers /_ping but not the list exits 3 with one line', {timeout: 30_000}, async () => {
		const started = Date.now();
		const result = await run(['--once', '--host', stuck!.host]);
		assert.equal(result.exitCode, 3, result.stderr);
		assertOneLineError(result.stderr, /not answering/);
		assert.ok(Date.now() - started < 20_000, 'the deadline ended it');
	});

	it('--json against a web server that is not Docker exits 3 with one line and no HTML', async () => {
		const result = await run(['--json', '--host', web!.host]);
		assert.equal(result.exitCode, 3, result.stderr);
		assertOneLineError(result.stderr, /not a Docker engine/);
	});

	it('--once against a web server that answers 200 everywhere exits 3 with one line', async () => {
		const result = await run(['--once', '--host', page!.host]);
		assert.equal(result.exitCode, 3, result.stderr);
		assertOneLineError(result.stderr, /not a Docker engine/);
	});

	it('a refused tcp:// address gives one line and no Node warning', async () => {
		const result = await run(['--once', '--host', 'tcp://127.0.0.1:1']);
		assert.equal(result.exitCode, 3, result.stderr);
		assertOneLineError(result.stderr, /refused/);
	});

	it('https:// gives no Node warning either', async () => {
		const result = await run(['--once', '--host', 'https://127.0.0.1:1']);
		assert.equal(result.exitCode, 3, result.stderr);
		assertOneLineError(result.stderr, /refused/);
	});

	it('ssh:// gives no Node warning either', async () => {
		const result = await run(['--once', '--host', 'ssh://nobody@127.0.0.1:1']);
		assert.equal(result.exitCode, 3, result.stderr);
		assertOneLineError(result.stderr, /refused/);
	});

	it('DEBUG=* in the environment: no library writes its debugging to stderr (it would land on the TUI\'s screen)', async () => {
		const result = await execa(process.execPath, [cli, '--once', '--host', testHost()], {reject: false, env: {...env, DEBUG: '*', DEBUG_COLORS: 'no'}, extendEnv: false, stdin: 'ignore'});
		assert.equal(result.exitCode, 0, result.stderr);
		assert.equal(result.stderr, '');
	});

	it('--once > /dev/full exits 1 with one line: nothing was written', async () => {
		const full = openSync('/dev/full', 'w');
		const result = await runInto(['--once', '--host', testHost()], full).finally(() => closeSync(full));
		assert.equal(result.exitCode, 1, result.stderr);
		assertOneLineError(result.stderr, /cannot write the output.*(no space|ENOSPC)/i);
	});
});
