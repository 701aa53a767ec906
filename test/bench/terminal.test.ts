import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {Terminal} from '../../bench/terminal.js';

describe('bench Terminal', () => {
	it('times the command from when the driver forked it, not from when Python was asked to start', async () => {
		const terminal = new Terminal(['sh', '-c', 'printf ready; sleep 5']);
		const asked = terminal.spawnedAt;
		try {
			await terminal.pid();
			// Python takes tens of ms at the very least to start and fork; that wait was counted in every first frame.
			assert.ok(terminal.spawnedAt > asked, `fork at ${terminal.spawnedAt}, asked at ${asked}`);
			assert.ok(terminal.spawnedAt <= Date.now());
			await terminal.waitFor(lines => lines.some(line => line.includes('ready')), 10_000, 'ready');
			assert.ok(terminal.firstByteAt >= terminal.spawnedAt);
			assert.equal(terminal.errors, '', 'the PID line is not an error');
		} finally {
			await terminal.stop();
		}
	});
});
