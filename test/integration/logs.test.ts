import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {request} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import type {LogLine} from '../../source/domain/log-line.js';
import {resolveTarget} from '../../source/engine/connection.js';
import {createEngine} from '../../source/engine/engine.js';
import {initialState} from '../../source/store/initial-state.js';
import {closeLogs, openLogs} from '../../source/store/logs-slice.js';
import {createStore} from '../../source/store/store.js';
import {LogStreams} from '../../source/sync/log-streams.js';
import {Sync} from '../../source/sync/sync.js';
import {docker, TestContainers, testHost, testSocket} from '../helpers/engine.js';
import {waitFor} from '../helpers/wait.js';

/** The raw body of a GET on the engine's socket, as the API returns it. */
function apiBytes(path: string): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		request({socketPath: testSocket(), path, method: 'GET'}, response => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => resolve(Buffer.concat(chunks)));
			response.on('error', reject);
		}).on('error', reject).end();
	});
}

/** A separate, deliberately plain reading of the multiplexed format: payloads concatenated in order. */
function payloads(raw: Buffer): Buffer {
	const out: Buffer[] = [];
	for (let offset = 0; offset + 8 <= raw.length;) {
		const length = raw.readUInt32BE(offset + 4);
		out.push(raw.subarray(offset + 8, offset + 8 + length));
		offset += 8 + length;
	}
	return Buffer.concat(out);
}

describe('logs against the private engine', () => {
	const containers = new TestContainers();
	const engine = createEngine(resolveTarget({host: testHost(), env: {}, homeDir: '/nonexistent'}));
	const store = createStore(initialState({target: engine.description}), {batchMs: 0});
	const sync = new Sync(engine, store);
	const logStreams = new LogStreams(engine, store);
	const stop = new AbortController();
	const dir = mkdtempSync(join(tmpdir(), 'porthole-logs-'));
	const merged = {a: containers.name('merge-a'), b: containers.name('merge-b')};
	let running: Promise<void>;

	const lines = (): LogLine[] => store.getSnapshot().logs.lines.toArray();
	const texts = () => lines().map(line => line.plain);
	const open = async (...ids: string[]) => {
		const rows = await waitFor(() => {
			const found = ids.map(id => store.getSnapshot().containers.get(id));
			return found.every(row => row?.command) ? found.map(row => row!) : undefined;
		}, {what: 'the containers inspected in the store'});
		store.update(state => openLogs(state, rows));
	};

	before(async () => {
		sync.onContainerEvent(event => logStreams.onEvent(event));
		logStreams.run(stop.signal);
		running = sync.run({signal: stop.signal});
		await waitFor(() => store.getSnapshot().connection.status === 'up', {timeoutMs: 15_000, what: 'connection up'});
		// The merged pair writes with pauses, so it runs while the other tests do.
		await containers.run(merged.a, ['sh', '-c', 'echo a1; sleep 3; echo a2; sleep 3; echo a3']);
		await waitFor(async () => (await docker('logs', merged.a)).includes('a1'), {what: 'a1 written'});
		await containers.run(merged.b, ['sh', '-c', 'echo b1; sleep 3; echo b2']);
	});

	after(async () => {
		store.update(closeLogs);
		await waitFor(() => logStreams.active.length === 0, {what: 'log streams closed with the view'});
		stop.abort();
		await running;
		await containers.cleanup();
		rmSync(dir, {recursive: true, force: true});
	});

	it('shows stdout and stderr lines, each attributed to its stream', async () => {
		const id = await containers.run(containers.name('attr'), ['sh', '-c', 'echo to-out-1; echo to-err-1 >&2; echo to-out-2; echo to-err-2 >&2; printf "\\033]0;title\\007\\033[2Jcoloured \\033[32mgreen\\033[0m\\n"; sleep 300']);
		await open(id);
		await waitFor(() => texts().includes('coloured green'), {what: 'the lines in the store'});
		const byText = new Map(lines().map(line => [line.plain, line]));
		for (const text of ['to-out-1', 'to-out-2', 'coloured green']) assert.equal(byText.get(text)?.stream, 'stdout', text);
		for (const text of ['to-err-1', 'to-err-2']) assert.equal(byText.get(text)?.stream, 'stderr', text);
		assert.equal(byText.get('coloured green')?.text, 'coloured \u001b[32mgreen\u001b[0m', 'colour kept, title and clear removed');
		assert.ok(lines().every(line => /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(line.time)));
		assert.deepEqual(logStreams.active, [id], 'one stream for the one container');
	});

	it('a saved log is byte-identical to what the API returns, and is never overwritten silently', async () => {
		const script = 'echo plain; echo to-stderr >&2; head -c 40000 /dev/zero | busybox tr "\\0" "x"; echo; printf "bad \\377\\376 utf8\\n"; printf "\\033[31mred\\033[0m no newline at end"';
		const plainId = await containers.run(containers.name('save'), ['sh', '-c', script]);
		const ttyId = await containers.run(containers.name('save-tty'), ['sh', '-c', script], ['-t']);
		await waitFor(async () => (await docker('inspect', '-f', '{{.State.Status}}', plainId)) === 'exited' && (await docker('inspect', '-f', '{{.State.Status}}', ttyId)) === 'exited', {what: 'both exited'});
		const plainPath = join(dir, 'plain.log');
		const ttyPath = join(dir, 'tty.log');
		const saved = await engine.saveLog(plainId, {tty: false, path: plainPath, overwrite: false});
		await engine.saveLog(ttyId, {tty: true, path: ttyPath, overwrite: false});
		const expectedPlain = payloads(await apiBytes(`/containers/${plainId}/logs?stdout=1&stderr=1`));
		assert.ok(expectedPlain.length > 40000);
		assert.ok(readFileSync(plainPath).equals(expectedPlain), 'non-TTY log matches the API payloads byte for byte');
		assert.equal(saved.bytes, expectedPlain.length);
		assert.ok(readFileSync(ttyPath).equals(await apiBytes(`/containers/${ttyId}/logs?stdout=1&stderr=1`)), 'TTY log matches the raw API body');
		writeFileSync(plainPath, 'keep me');
		await assert.rejects(engine.saveLog(plainId, {tty: false, path: plainPath, overwrite: false}), (error: unknown) => (error as {code?: string}).code === 'EEXIST');
		assert.equal(readFileSync(plainPath, 'utf8'), 'keep me');
	});

	it('follows a restart: re-attaches by itself and marks it, without repeating lines', async () => {
		const id = await containers.run(containers.name('restart'), ['sh', '-c', 'echo booted; sleep 300'], ['--stop-timeout', '1']);
		await open(id);
		await waitFor(() => texts().includes('booted'), {what: 'the first boot line'});
		await docker('restart', '-t', '0', id);
		await waitFor(() => texts().filter(text => text === 'booted').length === 2, {timeoutMs: 10_000, what: 'the boot line again after the restart'});
		const all = lines();
		const marker = all.findIndex(line => line.stream === 'marker' && /started again/.test(line.plain));
		assert.ok(marker > 0, `a restart marker (got ${JSON.stringify(texts())})`);
		assert.equal(all.findIndex(line => line.plain === 'booted'), marker - 1);
		assert.equal(all.findLastIndex(line => line.plain === 'booted'), marker + 1);
		assert.deepEqual(logStreams.active, [id]);
		assert.equal(store.getSnapshot().logs.targets[0]?.status, 'live');
	});

	it('says when the container is removed and keeps its lines', async () => {
		const id = await containers.run(containers.name('removed'), ['sh', '-c', 'echo last words; sleep 300']);
		await open(id);
		await waitFor(() => texts().includes('last words'), {what: 'the line'});
		await docker('rm', '-f', id);
		await waitFor(() => store.getSnapshot().logs.targets[0]?.status === 'removed', {what: 'the target marked removed'});
		await waitFor(() => texts().some(text => text.includes('was removed')), {what: 'the removal marker'});
		assert.ok(texts().includes('last words'), 'lines kept');
		assert.deepEqual(logStreams.active, []);
	});

	it('the merged view interleaves two containers in time order', async () => {
		await waitFor(async () => (await docker('logs', merged.a)).includes('a3') && (await docker('logs', merged.b)).includes('b2'), {timeoutMs: 15_000, what: 'the merged pair done'});
		const ids = await Promise.all([docker('inspect', '-f', '{{.Id}}', merged.a), docker('inspect', '-f', '{{.Id}}', merged.b)]);
		await open(...ids);
		await waitFor(() => texts().length === 5, {what: 'five lines'});
		// The engine's own timestamps (docker logs -t), merged independently, give the order to expect.
		const stamped = (await Promise.all([docker('logs', '-t', merged.a), docker('logs', '-t', merged.b)]))
			.flatMap(text => text.split('\n'))
			.map(each => ({time: each.slice(0, each.indexOf(' ')), text: each.slice(each.indexOf(' ') + 1)}))
			.sort((x, y) => (x.time < y.time ? -1 : x.time > y.time ? 1 : 0));
		assert.deepEqual(texts(), stamped.map(each => each.text));
		assert.deepEqual(lines().map(line => line.time), stamped.map(each => each.time));
		assert.equal(texts()[0], 'a1');
		assert.notDeepEqual(texts(), ['a1', 'a2', 'a3', 'b1', 'b2'], 'interleaved, not one block after the other');
		assert.deepEqual(lines().map(line => line.source === ids[0] ? 'a' : 'b').join(''), texts().map(text => text[0]).join(''), 'each line attributed to its container');
	});
});
