import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {createServer as createHttpServer, type Server as HttpServer} from 'node:http';
import {connect, createServer, type AddressInfo, type Server, type Socket} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {TestContainers, testHost, testSocket} from '../helpers/engine.js';
import {waitFor} from '../helpers/wait.js';
import {TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));

/** A unix socket in front of the private engine that notes each request line as it passes, in order, with when. */
async function recordingProxy(dir: string): Promise<{host: string; requests: Array<{line: string; at: number}>; close: () => Promise<void>}> {
	const path = join(dir, 'proxy.sock');
	const requests: Array<{line: string; at: number}> = [];
	const sockets = new Set<Socket>();
	const server: Server = createServer(client => {
		const engine = connect(testSocket());
		for (const socket of [client, engine]) {
			sockets.add(socket);
			socket.on('error', () => undefined).on('close', () => sockets.delete(socket));
		}
		client.on('data', (chunk: Buffer) => {
			const line = /^(GET|POST|PUT|DELETE|HEAD) (\S+) HTTP\/1\.[01]\r\n/.exec(chunk.toString('latin1'));
			if (line) requests.push({line: `${line[1]} ${line[2]}`, at: Date.now()});
		});
		client.pipe(engine).pipe(client);
	});
	await new Promise<void>(resolve => server.listen(path, resolve));
	return {
		host: `unix://${path}`,
		requests,
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise(resolve => server.close(resolve));
		},
	};
}

/*
 * The TUI on one engine draws its first frame from the first container list,
 * and asks for nothing ahead of it: no ping (the list is the proof that the
 * engine answers) and no events subscription, which follows with `since` so
 * that nothing between the two is missed. The launcher asks for that list
 * before the app is compiled (engine/early-list.ts), and the app takes it. An engine that cannot list still
 * stops it with exit 3 and one line.
 */
describe('the TUI start on one engine', () => {
	const containers = new TestContainers();
	const name = containers.name('e2e-start');
	const home = mkdtempSync(join(tmpdir(), 'porthole-start-'));
	const tmux = new TmuxSession();
	let proxy: Awaited<ReturnType<typeof recordingProxy>> | undefined;
	let web: HttpServer | undefined;

	before(async () => {
		testHost();
		await containers.run(name, ['sleep', '300']);
		proxy = await recordingProxy(home);
	});
	after(async () => {
		await tmux.kill();
		await proxy?.close();
		await new Promise(resolve => (web ? web.close(resolve) : resolve(undefined)));
		await containers.cleanup();
		rmSync(home, {recursive: true, force: true});
	});

	it('lists first, then subscribes from the list\'s time, and shows a container started after it', {timeout: 60_000}, async () => {
		const trace = join(home, 'trace.txt');
		await tmux.kill();
		await tmux.start([process.execPath, cli, '--host', proxy!.host], {env: {XDG_CACHE_HOME: join(home, 'cache'), PORTHOLE_TRACE_STARTUP: trace}});
		await tmux.waitFor(name, 20_000);
		// The subscription follows the first frame.
		await waitFor(() => proxy!.requests.some(request => request.line.startsWith('GET /events')), {what: 'the events subscription'});
		const requests = proxy!.requests.map(request => request.line);
		assert.match(requests[0] ?? '', /^GET \/containers\/json\?all=1$/, `the first request: ${requests.join(', ')}`);
		const events = requests.findIndex(line => line.startsWith('GET /events'));
		const ping = requests.findIndex(line => line.startsWith('GET /_ping'));
		assert.ok(events > 0, `an events subscription after the list: ${requests.join(', ')}`);
		assert.match(requests[events]!, /[?&]since=\d+(&|$)/, 'from a time on the engine\'s clock');
		assert.ok(ping === -1 || ping > events, `no ping ahead of the list and the subscription: ${requests.join(', ')}`);
		// The launcher asked for it before the app was compiled, and the app took that answer: one list, not two.
		assert.equal(requests.slice(0, events).filter(line => line.startsWith('GET /containers/json')).length, 1, requests.join(', '));
		// Started now, it shows through the events stream.
		const late = containers.name('e2e-start-late');
		await containers.run(late, ['sleep', '300']);
		await tmux.waitFor(late, 10_000);
		await tmux.send('q');
		await tmux.waitFor('PORTHOLE-EXIT=0', 10_000);
		assert.match(readFileSync(trace, 'utf8').split('\n')[0]!, /; early list: taken;/);
	});

	it('a socket with nothing behind it: exit 3 and one line', {timeout: 30_000}, async () => {
		await tmux.kill();
		await tmux.start([process.execPath, cli, '--host', `unix://${join(home, 'nothing.sock')}`]);
		const screen = await tmux.waitFor('PORTHOLE-EXIT=3', 15_000);
		assert.match(screen, /porthole: cannot connect to the Docker engine: .*nothing\.sock/);
		assert.doesNotMatch(screen, /\n\s+at |Error:/);
	});

	it('a web server: exit 3, "not a Docker engine", and no HTML', {timeout: 30_000}, async () => {
		web = createHttpServer((_request, response) => response.writeHead(200, {'Content-Type': 'text/html'}).end('<!doctype html><title>Welcome</title><p>It works</p>'));
		await new Promise<void>(resolve => web!.listen(0, '127.0.0.1', resolve));
		await tmux.kill();
		await tmux.start([process.execPath, cli, '--host', `tcp://127.0.0.1:${(web.address() as AddressInfo).port}`]);
		const screen = await tmux.waitFor('PORTHOLE-EXIT=3', 15_000);
		assert.match(screen, /porthole: .* is not a Docker engine/);
		assert.doesNotMatch(screen, /<title>|\n\s+at /);
	});
});
