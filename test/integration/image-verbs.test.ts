import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {createServer, type Server} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {pullImage} from '../../source/actions/image-actions.js';
import {askUntag, commitContainer, pushImage, tagImage, untagImage} from '../../source/actions/image-verbs.js';
import type {ImageView} from '../../source/domain/image.js';
import type {Engine} from '../../source/engine/engine.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore, type Store} from '../../source/store/store.js';
import {docker, testImage, TestContainers} from '../helpers/engine.js';
import {testEngine} from '../helpers/live-sync.js';
import {testRegistry} from '../helpers/registry.js';
import {waitFor} from '../helpers/wait.js';

/** Tag, untag, commit and push against the private engine and the local registry. */
describe('tag, untag, commit and push on the real engine', () => {
	const containers = new TestContainers();
	const suffix = randomBytes(3).toString('hex');
	let engine: Engine;
	let store: Store;
	let registry: string;
	let configDir: string;
	const savedConfig = process.env.DOCKER_CONFIG;
	const made: string[] = [];
	const context = () => ({engine, store});
	const notice = () => store.getSnapshot().notice?.text ?? '';
	const tagsOf = async (reference: string) => JSON.parse(await docker('image', 'inspect', '--format', '{{json .RepoTags}}', reference)) as string[];

	before(async () => {
		registry = testRegistry();
		engine = testEngine();
		store = createStore(initialState({target: engine.description}), {batchMs: 0});
		// Never the user's own docker config: a directory of this test's, with credentials for the test registry.
		configDir = await mkdtemp(join(tmpdir(), 'porthole-docker-config-'));
		await writeFile(join(configDir, 'config.json'), JSON.stringify({auths: {[registry]: {auth: Buffer.from('tester:secret').toString('base64')}}}));
		process.env.DOCKER_CONFIG = configDir;
	});

	after(async () => {
		if (savedConfig === undefined) delete process.env.DOCKER_CONFIG;
		else process.env.DOCKER_CONFIG = savedConfig;
		await rm(configDir, {recursive: true, force: true});
		await containers.cleanup();
		for (const reference of made) await docker('rmi', reference).catch(() => undefined);
	});

	it('tags an image, and untags one tag keeping the image', async () => {
		const one = `porthole-test/verbs-${suffix}:one`;
		const two = `porthole-test/verbs-${suffix}:two`;
		made.push(one, two);
		const id = (await docker('image', 'inspect', '--format', '{{.Id}}', testImage)).trim();
		assert.equal(await tagImage(context(), id, one), true);
		assert.equal(await tagImage(context(), id, two), true);
		assert.match(notice(), /^tagged .* as porthole-test\/verbs-.*:two$/);
		assert.ok((await tagsOf(id)).includes(one));
		assert.equal(await untagImage(context(), one), true);
		const after = await tagsOf(id);
		assert.ok(!after.includes(one) && after.includes(two) && after.includes(testImage), after.join(' '));
		assert.equal(await tagImage(context(), id, 'Bad Name'), false);
		assert.match(notice(), /not a valid repository name/);
	});

	it('refuses to untag the last tag, which would delete the image', async () => {
		const only = `porthole-test/verbs-only-${suffix}:1`;
		const builder = containers.name('verbs-only');
		await containers.run(builder, ['true']);
		const id = (await docker('commit', builder, only)).trim();
		made.push(only);
		const row: ImageView = {key: `${id}/${only}`, kind: 'tagged', image: {id, tags: [only], digests: [], parentId: '', createdAt: 0, size: 0, sharedSize: 0, labels: {}}, tag: only, users: [], sharedSize: 0};
		askUntag(context(), row);
		assert.match(notice(), /only tag/);
		assert.equal(store.getSnapshot().ui.confirm, undefined);
		assert.deepEqual(await tagsOf(id), [only]);
	});

	it('commits a running container with a message and author, pausing it, and leaves it running', async () => {
		const name = containers.name('verbs-commit');
		const id = (await containers.run(name, ['sh', '-c', 'echo committed > /marker; sleep 300'])).trim();
		const target = {repo: `porthole-test/verbs-commit-${suffix}`, tag: 'v1'};
		made.push(`${target.repo}:v1`);
		const image = await commitContainer(context(), {id, name}, {target, message: 'snapshot for tests', author: 'Porthole Tests <t@example.com>', pause: true});
		assert.ok(image?.startsWith('sha256:'), String(image));
		assert.match(notice(), /^committed verbs-commit-.* as porthole-test\/verbs-commit-.*:v1 \(/);
		const [comment, author] = (await docker('image', 'inspect', '--format', '{{.Comment}}|{{.Author}}', `${target.repo}:v1`)).trim().split('|');
		assert.equal(comment, 'snapshot for tests');
		assert.equal(author, 'Porthole Tests <t@example.com>');
		assert.equal((await docker('run', '--rm', `${target.repo}:v1`, 'cat', '/marker')).trim(), 'committed');
		assert.equal((await docker('inspect', '--format', '{{.State.Status}}', name)).trim(), 'running');
		const missing = await commitContainer(context(), {id: 'no-such-container', name: 'ghost'}, {target, message: '', author: '', pause: false});
		assert.equal(missing, undefined);
		assert.match(notice(), /^commit failed: the container no longer exists$/);
	});

	it('pushes to the registry with a bar per layer, then pulls it back after removing it', async () => {
		const reference = `${registry}/verbs-${suffix}:pushed`;
		await docker('tag', testImage, reference);
		made.push(reference);
		const pushed = await pushImage(context(), reference);
		assert.equal(pushed?.state, 'done', pushed?.error);
		assert.equal(pushed?.kind, 'push');
		assert.ok((pushed?.layers.length ?? 0) >= 1);
		assert.ok(pushed?.layers.every(layer => layer.phase === 'done' || layer.phase === 'exists'), JSON.stringify(pushed?.layers));
		assert.equal(notice(), `pushed ${reference}`);
		const listed = await fetch(`http://${registry}/v2/verbs-${suffix}/tags/list`).then(response => response.json()) as {tags?: string[]};
		assert.deepEqual(listed.tags, ['pushed']);
		await docker('rmi', reference);
		const pulled = await pullImage(context(), reference);
		assert.equal(pulled?.state, 'done', pulled?.error);
		assert.ok((await tagsOf(reference)).includes(reference));
	});

	describe('a registry that denies', () => {
		let server: Server;
		let address: string;
		const authorizations: string[] = [];
		before(async () => {
			// Answers every request as a registry does for a user without rights: 401 with a Basic challenge.
			server = createServer((request, response) => {
				if (request.headers.authorization) {
					// With credentials: refused as a registry refuses a user without rights to the repository (403 at once, no retry).
					authorizations.push(request.headers.authorization);
					response.writeHead(403, {'Content-Type': 'application/json', 'Docker-Distribution-API-Version': 'registry/2.0'});
					response.end(JSON.stringify({errors: [{code: 'DENIED', message: 'requested access to the resource is denied'}]}));
					return;
				}
				response.writeHead(401, {'WWW-Authenticate': 'Basic realm="porthole-test"', 'Content-Type': 'application/json', 'Docker-Distribution-API-Version': 'registry/2.0'});
				response.end(JSON.stringify({errors: [{code: 'UNAUTHORIZED', message: 'authentication required'}]}));
			});
			await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
			const port = (server.address() as {port: number}).port;
			address = `127.0.0.1:${port}`;
		});
		after(async () => {
			server.closeAllConnections();
			await new Promise(resolve => server.close(resolve));
		});

		it('says in one line that the push was denied', async () => {
			const reference = `${address}/verbs-${suffix}:denied`;
			await docker('tag', testImage, reference);
			made.push(reference);
			const result = await pushImage(context(), reference);
			assert.equal(result?.state, 'failed');
			assert.match(result?.error ?? '', new RegExp(`^push ${address.replaceAll('.', '\\.')}/verbs-${suffix}:denied denied by the registry: `));
			assert.ok(!(result?.error ?? '').includes('\n'));
			assert.equal(notice(), result?.error);
		});

		it('sends the credentials of the docker config\'s auths to the registry', async () => {
			await writeFile(join(configDir, 'config.json'), JSON.stringify({auths: {
				[registry]: {auth: Buffer.from('tester:secret').toString('base64')},
				[address]: {auth: Buffer.from(`pusher-${suffix}:s3cret`).toString('base64')},
			}}));
			const reference = `${address}/verbs-${suffix}:authed`;
			await docker('tag', testImage, reference);
			made.push(reference);
			authorizations.length = 0;
			const running = pushImage(context(), reference);
			// The engine answers the registry's Basic challenge with what config.json holds for this host (and no other host's).
			await waitFor(() => authorizations.length > 0, {timeoutMs: 30_000, what: 'the registry asked with credentials'});
			// The engine retries a refused layer for most of a minute: cancel once the point is made.
			store.getSnapshot().resources.pull?.cancel();
			await running;
			assert.ok(authorizations.includes(`Basic ${Buffer.from(`pusher-${suffix}:s3cret`).toString('base64')}`), JSON.stringify(authorizations));
			assert.ok(!authorizations.some(each => each.includes(Buffer.from('tester:secret').toString('base64'))));
		});
	});
});
