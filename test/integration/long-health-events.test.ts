import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {recordEvent, selectEvents} from '../../source/store/events-slice.js';
import {TestContainers} from '../helpers/engine.js';
import {startLiveSync, type LiveSync} from '../helpers/live-sync.js';
import {waitFor} from '../helpers/wait.js';

/** A health check whose command is long raises "exec_start: <the whole command>" on every run; the ring keeps a bounded part. */
describe('events of a container with a long health command', () => {
	const containers = new TestContainers();
	let live: LiveSync;
	// 20 KB of shell that does nothing: `true` with a long comment-free argument list.
	const command = `true ${'x'.repeat(20_000)}`;

	before(async () => {
		live = await startLiveSync();
		live.sync.onAnyEvent(event => live.store.update(state => recordEvent(state, event)));
		await containers.run(containers.name('long-health'), ['sleep', '300'], ['--health-cmd', command, '--health-interval', '200ms']);
	});

	after(async () => {
		await live.stop();
		await containers.cleanup();
	});

	it('keeps each exec event small, the action cut', async () => {
		const records = await waitFor(() => {
			const execs = selectEvents(live.store.getSnapshot()).filter(record => record.action.startsWith('exec_start'));
			return execs.length >= 3 ? execs : undefined;
		}, {what: 'three exec_start events from the health check', timeoutMs: 15_000, intervalMs: 100});
		for (const record of records) {
			assert.ok(record.action.length <= 120, `action of ${record.action.length} characters`);
			assert.match(record.action, /^exec_start: .*true x+…$/);
			const size = JSON.stringify(record).length;
			assert.ok(size < 1000, `record of ${size} characters`);
		}
	});
});
