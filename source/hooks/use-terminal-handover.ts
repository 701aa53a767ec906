import {useApp, useStdout} from 'ink';
import {useEffect} from 'react';
import {useServices} from './use-store.js';

/** How long a burst of resize events must settle before the full redraw. */
const resizeSettleMs = 50;

/**
 * Owns the real terminal on the app's side, through Ink's own `suspendTerminal`:
 * - hands it to the composition root, so commands can give it to an exec or
 *   attach session (Ink erases its frame, leaves the alternate screen, turns
 *   raw mode and its stdin listener off, and redraws in full afterwards);
 * - after a resize, clears and redraws the whole screen, as Ink's diff of
 *   the old frame leaves rows of the wider one behind (issue 10 #14);
 * - on SIGTSTP (`kill -TSTP`, or Ctrl-Z, which raw mode delivers as a key),
 *   gives the terminal back as it was (main screen, cursor shown, line mode)
 *   and stops; on SIGCONT (`fg`) takes it again and redraws (issue 10 #13).
 */
export function useTerminalHandover(): void {
	const {suspendTerminal} = useApp();
	const {stdout} = useStdout();
	const {terminal} = useServices();
	useEffect(() => {
		// One suspension at a time: Ink refuses a second, so a redraw or a stop waits its turn.
		let busy = false;
		const hold = async (work: () => Promise<void>) => {
			busy = true;
			try {
				await suspendTerminal(work);
			} finally {
				busy = false;
			}
		};
		if (terminal) terminal.suspend = hold;

		let settle: NodeJS.Timeout | undefined;
		const onResize = () => {
			clearTimeout(settle);
			settle = setTimeout(() => {
				if (!busy) void hold(async () => undefined).catch(() => undefined);
			}, resizeSettleMs);
		};
		stdout.on('resize', onResize);

		let stopped: {resume: () => Promise<void>} | undefined;
		const onStop = () => {
			if (busy || stopped) {
				// A session holds the terminal, or we are stopping already: just stop; the session's terminal is its own.
				process.kill(process.pid, 'SIGSTOP');
				return;
			}
			busy = true;
			void suspendTerminal().then(handle => {
				stopped = handle;
				stdout.write('\u001b[?25h');
				process.kill(process.pid, 'SIGSTOP');
			}, () => {
				busy = false;
			});
		};
		const onContinue = () => {
			const handle = stopped;
			if (!handle) return;
			stopped = undefined;
			void handle.resume().catch(() => undefined).finally(() => {
				busy = false;
			});
		};
		process.on('SIGTSTP', onStop);
		process.on('SIGCONT', onContinue);
		return () => {
			if (terminal) terminal.suspend = undefined;
			clearTimeout(settle);
			stdout.off('resize', onResize);
			process.off('SIGTSTP', onStop);
			process.off('SIGCONT', onContinue);
		};
	}, [terminal, suspendTerminal, stdout]);
}
