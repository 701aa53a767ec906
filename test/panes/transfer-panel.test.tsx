import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {render} from 'ink-testing-library';
import {PullPanel} from '../../source/components/pull-panel.js';
import {applyPullMessage, finishPull, startPull} from '../../source/domain/pull-progress.js';

/** The transfer panel under the images table, for a push and a save, with engine text that tries to reach the terminal. */
describe('the transfer panel', () => {
	const hostile = '\u001b]0;owned\u0007\u001b[2Jdigest: sha256:abc';
	const cases: Array<[string, ReturnType<typeof startPull>, RegExp]> = [
		['a push in push words', applyPullMessage(applyPullMessage(startPull('127.0.0.1:5000/a:1', 'push'), {status: 'Pushing', id: 'layer1', progressDetail: {current: 512, total: 1024}}), {status: hostile}), /^pushing 127\.0\.0\.1:5000\/a:1 .* 50%/m],
		['a failed push with a hostile error', finishPull(applyPullMessage(startPull('r:1', 'push'), {error: hostile}), 'failed'), /^failed r:1/m],
		['a finished save', {...finishPull(startPull('busybox:1', 'save'), 'done'), layers: [{id: 'tar', phase: 'done', current: 2048, total: 2048}], status: hostile}, /^saved busybox:1 .* 100% *\n^tar +saved /m],
	];
	for (const [name, progress, expected] of cases) {
		test(name, () => {
			const {lastFrame, unmount} = render(<PullPanel progress={progress} width={80} height={6} cancelKey="Esc" />);
			const frame = lastFrame() ?? '';
			unmount();
			// Colour may be on (a pane test run in the same process turns it on for Ink), so the text is read without its SGR codes.
			assert.match(frame.replace(/\u001b\[[\d;]*m/g, ''), expected);
			assert.ok(!frame.includes('\u0007') && !frame.includes(']0;owned') && !frame.includes('\u001b[2J'), JSON.stringify(frame));
			assert.match(frame, /digest: sha256:abc/);
		});
	}
});
