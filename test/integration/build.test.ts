import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {mkdir, mkdtemp, readFile, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {buildImage, runBuildLine} from '../../source/actions/build-actions.js';
import {dispatchKey} from '../../source/actions/dispatch.js';
import {readBuildContext} from '../../source/engine/build-context.js';
import type {Engine} from '../../source/engine/engine.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore, type Store} from '../../source/store/store.js';
import {docker, testImage} from '../helpers/engine.js';
import {testEngine} from '../helpers/live-sync.js';
import {waitFor} from '../helpers/wait.js';

/** Builds from a folder on the private engine, with the classic builder. */
describe('build on the real engine', () => {
	const suffix = randomBytes(3).toString('hex');
	const tag = `porthole-test/build-${suffix}:1`;
	let engine: Engine;
	let store: Store;
	let dir: string;
	const context = () => ({engine, store});
	const notice = () => store.getSnapshot().notice?.text ?? '';
	const folder = async (name: string, files: Record<string, string>) => {
		const root = join(dir, name);
		for (const [path, text] of Object.entries(files)) {
			await mkdir(join(root, path, '..'), {recursive: true});
			await writeFile(join(root, path), text);
		}
		return root;
	};

	before(async () => {
		engine = testEngine();
		store = createStore(initialState({target: engine.description}), {batchMs: 0});
		dir = await mkdtemp(join(tmpdir(), 'porthole-build-'));
	});

	after(async () => {
		await rm(dir, {recursive: true, force: true});
		await docker('rmi', tag).catch(() => undefined);
	});

	it('reads the context with .dockerignore applied and links never followed', async () => {
		const root = await folder('context', {'Dockerfile': 'FROM x\n', '.dockerignore': 'secret.txt\nlogs\n*.md\n!KEEP.md\n', 'secret.txt': 'no', 'app/main.sh': 'echo', 'logs/a.log': 'zzz', 'README.md': 'r', 'KEEP.md': 'k'});
		await symlink('/etc/passwd', join(root, 'link'));
		const read = await readBuildContext(root);
		assert.deepEqual(read.entries, ['.dockerignore', 'Dockerfile', 'KEEP.md', 'app/main.sh', 'link']);
		assert.equal(read.bytes, [ '.dockerignore', 'Dockerfile', 'KEEP.md', 'app/main.sh'].reduce((sum, name) => sum + ({'.dockerignore': 30, 'Dockerfile': 7, 'KEEP.md': 1, 'app/main.sh': 4} as Record<string, number>)[name]!, 0));
		assert.equal(read.ignored, 3);
	});

	it('builds FROM busybox with COPY and RUN, leaving out what .dockerignore names', async () => {
		const root = await folder('good', {
			'Dockerfile': `FROM ${testImage}\nARG GREETING=none\nCOPY . /app\nRUN echo "$GREETING" > /app/greeting && ls /app > /app/listing\n`,
			'.dockerignore': 'secret.txt\n',
			'secret.txt': 'must not be sent',
			'hello.txt': 'hello from the context',
		});
		const result = await buildImage(context(), `${root} -t ${tag} --build-arg GREETING=hi`);
		assert.equal(result?.state, 'done', result?.error);
		assert.match(notice(), new RegExp(`^built ${tag.replace('/', '\\/')} \\(`));
		const output = store.getSnapshot().output;
		assert.match(output?.title ?? '', /classic builder; context 3 files, .*1 left out by \.dockerignore/);
		assert.ok(output?.lines.some(line => /^Step 3\/4 : COPY \. \/app$/.test(line)), output?.lines.join('\n'));
		assert.equal((await docker('run', '--rm', tag, 'cat', '/app/hello.txt')).trim(), 'hello from the context');
		assert.equal((await docker('run', '--rm', tag, 'cat', '/app/greeting')).trim(), 'hi');
		const listing = (await docker('run', '--rm', tag, 'cat', '/app/listing')).split('\n');
		assert.ok(!listing.includes('secret.txt'), listing.join(' '));
		assert.ok(listing.includes('hello.txt'));
	});

	it('builds only up to the --target stage', async () => {
		const root = await folder('stages', {'Dockerfile': `FROM ${testImage} AS base\nRUN echo base > /stage\nFROM base AS final\nRUN echo final > /stage\n`});
		const result = await buildImage(context(), `${root} -t ${tag}-target --target base`);
		assert.equal(result?.state, 'done', result?.error);
		assert.equal((await docker('run', '--rm', `${tag}-target`, 'cat', '/stage')).trim(), 'base');
		assert.ok(!store.getSnapshot().output?.lines.some(line => line.includes('echo final')), 'the final stage never ran');
		await docker('rmi', `${tag}-target`).catch(() => undefined);
	});

	it('names the failing step and the engine error in the status bar', async () => {
		const root = await folder('bad', {'Dockerfile': `FROM ${testImage}\nRUN echo fine\nRUN exit 3\n`});
		const result = await buildImage(context(), root);
		assert.equal(result?.state, 'failed');
		assert.match(notice(), /^build failed at Step 3\/3 : RUN exit 3: .*non-zero code: 3$/);
		assert.equal(store.getSnapshot().notice?.level, 'error');
	});

	it('cancels with Esc and the engine stops the build', async () => {
		const root = await folder('slow', {'Dockerfile': `FROM ${testImage}\nRUN sleep 60\n`});
		const running = buildImage(context(), root);
		await waitFor(() => store.getSnapshot().output?.lines.some(line => line.startsWith('Step 2/2')), {timeoutMs: 20_000, what: 'the build at its slow step'});
		const started = Date.now();
		store.getSnapshot().output?.cancel?.();
		const result = await running;
		assert.equal(result?.state, 'cancelled');
		assert.ok(Date.now() - started < 10_000);
		assert.match(notice(), /build cancelled/);
		// The engine removes the build's container once it stops the build.
		await waitFor(async () => !(await docker('ps', '-a', '--format', '{{.Command}}')).includes('sleep 60'), {timeoutMs: 20_000, what: 'the build container gone'});
	});

	it('the build log: each step and cache hit counted, / finds a step, s saves the log as shown', async () => {
		const root = await folder('searched', {'Dockerfile': `FROM ${testImage}\nCOPY marker.txt /marker.txt\nRUN echo searched-${suffix}\n`, 'marker.txt': suffix});
		const first = await buildImage(context(), `${root} -t ${tag}-log`);
		assert.equal(first?.state, 'done', first?.error);
		// The same folder again: both steps after FROM come from the cache, and the view says so.
		const again = await buildImage(context(), `${root} -t ${tag}-log`);
		assert.equal(again?.state, 'done', again?.error);
		assert.equal(again?.cached, 2);
		const output = store.getSnapshot().output!;
		assert.deepEqual(output.build, {step: `Step 3/3 : RUN echo searched-${suffix}`, cached: 2});
		assert.equal(output.lines.filter(line => line === ' ---> Using cache').length, 2);
		const press = (...keys: string[]) => {
			for (const key of keys) dispatchKey(key, key, {engine, store, quit: () => {}});
		};
		press('/', ...'Step 2/'.split(''), 'return');
		const match = store.getSnapshot().output?.match;
		assert.equal(match === undefined ? undefined : store.getSnapshot().output?.lines[match], 'Step 2/3 : COPY marker.txt /marker.txt');
		press('s');
		const prompt = store.getSnapshot().ui.prompt;
		assert.match(prompt?.text ?? '', /^build-\d{8}-\d{6}\.log$/);
		const path = join(dir, 'build.log');
		prompt!.submit!(path);
		await waitFor(() => notice().startsWith('saved '), {what: 'the save said'});
		assert.equal(notice(), `saved ${output.lines.length} lines to ${path}`);
		const saved = await readFile(path, 'utf8');
		assert.equal(saved, output.lines.join('\n') + '\n');
		assert.match(saved, new RegExp(`^Step 3/3 : RUN echo searched-${suffix}\n ---> Using cache\n`, 'm'));
		await docker('rmi', `${tag}-log`).catch(() => undefined);
	});

	it('says in one line what is wrong with a folder or a line', async () => {
		assert.equal(runBuildLine('build', context()), true);
		await waitFor(() => /a folder with a Dockerfile is needed/.test(notice()), {what: 'the missing folder said'});
		await buildImage(context(), join(dir, 'nowhere'));
		assert.match(notice(), /^build: no Dockerfile in .*nowhere$/);
		assert.equal(runBuildLine('images', context()), false);
	});
});
