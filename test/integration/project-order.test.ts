import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {askProjectAction} from '../../source/actions/project-actions.js';
import type {Engine} from '../../source/engine/engine.js';
import {docker, TestContainers} from '../helpers/engine.js';
import {startLiveSync, type LiveSync} from '../helpers/live-sync.js';
import {waitFor} from '../helpers/wait.js';

/** A compose-labelled project on the real engine: restart follows depends_on. */
describe('project actions follow depends_on', () => {
	const containers = new TestContainers();
	const project = containers.name('proj');
	const calls: Array<{id: string; action: string; started: number; ended: number}> = [];
	let live: LiveSync;
	const ids: Record<string, string> = {};

	/** Records each container action as it runs, without changing it. */
	/** What the web row said while each restart ran. */
	const webSaid: string[] = [];
	const observe = (engine: Engine): Engine => ({
		...engine,
		async containerAction(id, action, options) {
			const started = performance.now();
			webSaid.push(live.store.getSnapshot().bulk?.rows.get(ids.web ?? '')?.text ?? '');
			try {
				return await engine.containerAction(id, action, options);
			} finally {
				calls.push({id, action, started, ended: performance.now()});
			}
		},
	});

	before(async () => {
		const labels = (service: string, depends?: string) => ['--stop-timeout', '1', '--label', `com.docker.compose.project=${project}`, '--label', `com.docker.compose.service=${service}`,
			...(depends ? ['--label', `com.docker.compose.depends_on=${depends}:service_started:false`] : [])];
		// Made in the wrong order on purpose: the labels, not creation time, decide.
		ids.web = await containers.run(`${project}-web-1`, ['sleep', '300'], labels('web', 'api'));
		ids.api = await containers.run(`${project}-api-1`, ['sleep', '300'], labels('api', 'db'));
		ids.db = await containers.run(`${project}-db-1`, ['sleep', '300'], labels('db'));
		live = await startLiveSync({wrap: observe});
		await waitFor(() => Object.values(ids).every(id => live.store.getSnapshot().containers.get(id)?.composeProject === project), {what: 'the project in the store'});
	});

	after(async () => {
		await live.stop();
		await containers.cleanup();
	});

	it('restart goes db, then api, then web, each after the one before has finished', async () => {
		const rows = [...live.store.getSnapshot().containers.values()].filter(row => row.composeProject === project);
		askProjectAction({engine: live.engine, store: live.store}, project, rows, 'restart');
		const confirm = live.store.getSnapshot().ui.confirm;
		assert.match(confirm?.question ?? '', new RegExp(`In dependency order: ${project}-db-1 → ${project}-api-1 → ${project}-web-1\\.`));
		confirm?.run();
		await waitFor(() => live.store.getSnapshot().notice?.text === 'restart: 3 restarted', {timeoutMs: 30_000, what: 'the summary'});
		const restarts = calls.filter(call => call.action === 'restart');
		assert.deepEqual(restarts.map(call => call.id), [ids.db, ids.api, ids.web]);
		for (let index = 1; index < restarts.length; index++) {
			assert.ok((restarts[index]?.started ?? 0) >= (restarts[index - 1]?.ended ?? Infinity), 'a level starts only after the one before ended');
		}
		assert.deepEqual(webSaid.slice(-3), ['waiting…', 'waiting…', 'restarting…'], 'web waits for its dependencies, and says so');
		const startedAt = async (id: string) => Date.parse(await docker('inspect', '-f', '{{.State.StartedAt}}', id));
		const [db, api, web] = await Promise.all([ids.db, ids.api, ids.web].map(id => startedAt(id ?? '')));
		assert.ok((db ?? 0) < (api ?? 0) && (api ?? 0) < (web ?? 0), `the engine started them in order: ${db} ${api} ${web}`);
	});
});
