import assert from 'node:assert/strict';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, describe, it} from 'node:test';
import {browseRegistry, registryHandlers, runRegistryLine, searchHub} from '../../source/actions/registry-actions.js';
import type {Engine} from '../../source/engine/engine.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore, type Store} from '../../source/store/store.js';
import {docker} from '../helpers/engine.js';
import {testEngine} from '../helpers/live-sync.js';
import {testRegistry} from '../helpers/registry.js';
import {waitFor} from '../helpers/wait.js';

/** `:registry HOST` against the local test registry and a hostile one; `:search` against an engine with no internet. */
describe('registry browsing and Docker Hub search on the real engine', () => {
	let engine: Engine;
	let store: Store;
	let registry: string;
	let hostile: Server;
	let hostileAddress: string;
	const context = () => ({engine, store, quit: () => undefined});

	before(async () => {
		registry = testRegistry();
		engine = testEngine();
		store = createStore(initialState({target: engine.description}), {batchMs: 0});
		// A registry that lies: names with escapes and paths, and a body far past the bound for one tag list.
		hostile = createServer((request, response) => {
			response.setHeader('content-type', 'application/json');
			if (request.url?.startsWith('/v2/_catalog')) response.end(JSON.stringify({repositories: ['good', '../../etc', 'Evil\u001b]0;pwned\u0007', 'huge', 7]}));
			else if (request.url === '/v2/good/tags/list') response.end(JSON.stringify({name: 'good', tags: ['ok', '-bad', 'a\nb']}));
			else if (request.url === '/v2/huge/tags/list') {
				response.write('{"tags":["');
				const chunk = 'x'.repeat(64 * 1024);
				let sent = 0;
				const more = () => {
					while (sent < 3 * 1024 * 1024) {
						sent += chunk.length;
						if (!response.write(chunk)) return void response.once('drain', more);
					}
					response.end('"]}');
				};
				more();
			} else if (request.url?.startsWith('/v2/good/manifests/')) response.end(JSON.stringify({config: {size: 10}, layers: [{size: 90}]}));
			else {
				response.statusCode = 404;
				response.end('{}');
			}
		});
		await new Promise<void>(resolve => hostile.listen(0, '127.0.0.1', resolve));
		hostileAddress = `127.0.0.1:${(hostile.address() as AddressInfo).port}`;
	});

	after(async () => {
		hostile.closeAllConnections();
		await new Promise(resolve => hostile.close(resolve));
		await docker('rmi', `${registry}/busybox:1`).catch(() => undefined);
	});

	it('lists the test registry\'s repositories and tags with manifest sizes', async () => {
		const state = await browseRegistry(context(), registry);
		assert.equal(state?.status, 'done', state?.message);
		assert.equal(store.getSnapshot().ui.view, 'registry');
		const busybox = state!.rows.filter(row => row.repository === 'busybox');
		assert.deepEqual(busybox.map(row => row.tag).sort(), ['1', 'layered']);
		for (const row of busybox) assert.ok((row.size ?? 0) > 100_000, `${row.tag} has a size from its manifest (${row.size})`);
		const one = busybox.find(row => row.tag === '1')!;
		const layered = busybox.find(row => row.tag === 'layered')!;
		assert.ok(layered.size! > one.size! + 3_000_000, 'the layered tag is its 3 MB layer larger');
	});

	it('pulls the selected row through the images view\'s pull', async () => {
		await docker('rmi', `${registry}/busybox:1`).catch(() => undefined);
		await browseRegistry(context(), registry);
		const index = store.getSnapshot().registry!.rows.findIndex(row => row.repository === 'busybox' && row.tag === '1');
		store.update(state => ({...state, registry: {...state.registry!, selected: index}}));
		registryHandlers.pull!(context() as never);
		assert.equal(store.getSnapshot().ui.view, 'images');
		await waitFor(() => store.getSnapshot().resources.pull?.state === 'done', {timeoutMs: 60_000, what: 'the pull to finish'});
		const tags = JSON.parse(await docker('image', 'inspect', '--format', '{{json .RepoTags}}', `${registry}/busybox:1`)) as string[];
		assert.ok(tags.includes(`${registry}/busybox:1`));
	});

	it('drops invalid names from a hostile registry and refuses a body past the bound', async () => {
		const state = await browseRegistry(context(), hostileAddress);
		assert.equal(state?.status, 'done', state?.message);
		assert.deepEqual(state!.rows.map(row => [row.repository, row.tag ?? null, row.size ?? null]), [['good', 'ok', 100], ['huge', null, null]]);
		assert.match(state!.message ?? '', /^3 invalid names left out; 2 invalid tags left out$/);
	});

	it('says in one line what is wrong with an address, or a registry that is not there', async () => {
		assert.equal(runRegistryLine('registry', context()), true);
		assert.match(store.getSnapshot().notice?.text ?? '', /^usage: :registry HOST/);
		const state = await browseRegistry(context(), '127.0.0.1:1');
		assert.equal(state?.status, 'error');
		assert.match(state!.message!, /^127\.0\.0\.1:1 cannot be reached/);
		assert.doesNotMatch(state!.message!, /\n/);
	});

	it('Docker Hub search says in one clear line that the engine cannot reach Docker Hub (no internet here)', async () => {
		const state = await searchHub(context(), 'busybox');
		assert.equal(state?.status, 'error');
		const message = state!.message!;
		assert.match(message, /^Docker Hub search is not available: the engine cannot reach Docker Hub \(.+\)$/);
		assert.doesNotMatch(message, /[\n\r\u001b]/);
		assert.ok(message.length <= 240, `one short line (${message.length} characters)`);
		assert.equal(store.getSnapshot().notice?.text, message);
		assert.equal(store.getSnapshot().notice?.level, 'error');
	});
});
