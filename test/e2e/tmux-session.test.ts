import {describe, it} from 'node:test';
import {TmuxSession} from './tmux.js';

/*
 * The e2e tests' terminal (./tmux.ts). A test that starts Porthole again
 * kills the tmux server first; a new session asked for while that server was
 * still exiting failed with "server exited unexpectedly" (about one start in
 * six on a 2-core machine), failing whichever test it fell in.
 */
describe('the tmux session of the e2e tests', () => {
	it('starts again at once after a kill, every time', {timeout: 60_000}, async () => {
		const tmux = new TmuxSession();
		try {
			for (let round = 0; round < 50; round++) {
				await tmux.kill();
				await tmux.start(['sh', '-c', `echo round-${round}; sleep 600`], {columns: 40, rows: 5});
				await tmux.waitFor(`round-${round}`, 5000);
			}
		} finally {
			await tmux.kill();
		}
	});
});
