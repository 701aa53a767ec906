import assert from 'node:assert/strict';
import {chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {after, describe, it} from 'node:test';
import {composeProject, findComposeBinary} from '../../../source/actions/compose-actions.js';
import {composeArgv, composeDrift} from '../../../source/domain/compose-file.js';
import {fileServices} from '../../../source/domain/compose-services.js';
import type {Engine} from '../../../source/engine/engine.js';
import {initialState} from '../../../source/store/initial-state.js';
import {createStore} from '../../../source/store/store.js';
import {fixtureRows} from '../../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'porthole-compose-'));
after(() => rmSync(dir, {recursive: true, force: true}));
const base = fixtureRows()[0]!;
writeFileSync(join(dir, 'compose.yaml'), 'services:\n  web: {image: busybox}\n  db: {image: busybox}\n');
const labels = {'com.docker.compose.project': 'shop', 'com.docker.compose.project.working_dir': dir, 'com.docker.compose.project.config_files': 'compose.yaml', 'com.docker.compose.service': 'web'};
const rows = [{...base, labels}];

describe('compose argv and drift', () => {
	it('argv names the project, its directory and files', () => {
		assert.deepEqual(composeArgv(['docker', 'compose'], 'shop', labels, 'up'), ['docker', 'compose', '--project-directory', dir, '-f', join(dir, 'compose.yaml'), '-p', 'shop', 'up', '-d']);
		assert.deepEqual(composeArgv(['docker-compose'], 'shop', {}, 'down'), ['docker-compose', '-p', 'shop', 'down']);
	});
	const cases: Array<[string, string[], string[], {missing: string[]; extra: string[]}]> = [
		['in step', ['web'], ['web'], {missing: [], extra: []}],
		['a service with no container', ['db', 'web'], ['web'], {missing: ['db'], extra: []}],
		['a container the file dropped', ['web'], ['web', 'old'], {missing: [], extra: ['old']}],
	];
	for (const [name, services, running, expected] of cases) {
		it(name, () => assert.deepEqual(composeDrift(services, running.map(service => ({...base, labels: {'com.docker.compose.service': service}}))), expected));
	}
	it('override files add services', () => assert.deepEqual(fileServices(['services: {a: {}}', 'services: {b: {}}', '']), ['a', 'b']));
});

describe('compose up and down through a binary', () => {
	const fakeIo = () => ({stdin: Object.assign(new PassThrough(), {isTTY: false}), stdout: Object.assign(new PassThrough(), {columns: 80, rows: 24})});
	const contextOf = () => {
		const store = createStore(initialState({target: 'unix:///tmp/x.sock'}), {batchMs: 0});
		return {store, engine: {} as Engine, quit: () => undefined, binding: {command: 'compose-up' as const, keys: ['W'], description: '', scope: 'containers' as const, dangerous: true, confirm: 'destroys' as const}};
	};

	it('with no binary on PATH says so in one line, for real', async () => {
		const empty = mkdtempSync(join(dir, 'empty-'));
		const env = {...process.env, PATH: empty};
		assert.equal(await findComposeBinary(env), null);
		const context = contextOf();
		await composeProject(context, 'shop', rows, 'up', env);
		assert.match(context.store.getSnapshot().notice?.text ?? '', /^project shop: no compose binary \(docker compose or docker-compose\) on PATH, so no up -d; /);
	});

	it('with a fake docker-compose on PATH, runs the argv it would run, handing the terminal over', async () => {
		const bin = mkdtempSync(join(dir, 'bin-'));
		const record = join(dir, 'argv');
		writeFileSync(join(bin, 'docker-compose'), `#!/bin/sh\n[ "$1" = version ] && exit 0\nprintf '%s\\n' "$@" > '${record}'\nprintf '%s\\n' "$DOCKER_HOST" >> '${record}'\n`);
		chmodSync(join(bin, 'docker-compose'), 0o755);
		const env = {...process.env, PATH: `${bin}:/usr/bin:/bin`};
		assert.deepEqual(await findComposeBinary(env), ['docker-compose']);
		const context = contextOf();
		const io = fakeIo();
		const withTerminal = {...context, suspend: async (work: () => Promise<void>) => {
			setTimeout(() => io.stdin.write('\n'), 300);
			await work();
		}};
		const savedPath = process.env.PATH;
		process.env.PATH = env.PATH; // runInTerminal spawns with the process's PATH
		after(() => {
			process.env.PATH = savedPath;
		});
		await composeProject(withTerminal, 'shop', rows, 'down', env, io as never);
		// down destroys: it asks first; y runs it.
		const pending = context.store.getSnapshot().ui.confirm;
		assert.match(pending?.question ?? '', /docker-compose --project-directory .* -p shop down/);
		pending?.run();
		for (let i = 0; i < 300 && !/compose down shop: /.test(context.store.getSnapshot().notice?.text ?? ''); i++) await new Promise(resolve => setTimeout(resolve, 20));
		assert.deepEqual(readFileSync(record, 'utf8').trim().split('\n'), ['--project-directory', dir, '-f', join(dir, 'compose.yaml'), '-p', 'shop', 'down', 'unix:///tmp/x.sock']);
	});

	it('files not readable here are said in one line', async () => {
		const context = contextOf();
		context.store.update(state => ({...state, composeCli: ['docker-compose']}));
		await composeProject(context, 'shop', [{...base, labels: {...labels, 'com.docker.compose.project.working_dir': '/nonexistent-porthole'}}], 'up');
		assert.match(context.store.getSnapshot().notice?.text ?? '', /^project shop: \/nonexistent-porthole\/compose\.yaml is not readable here, so no up -d$/);
	});
});
