import {useApp} from 'ink';
import {useEffect} from 'react';
import {useServices} from './use-store.js';

/**
 * Hands Ink's own `suspendTerminal` to the composition root, so commands can
 * give the real terminal to an exec or attach session: Ink erases its frame,
 * leaves the alternate screen, turns raw mode and its stdin listener off, and
 * redraws in full when the session's promise settles.
 */
export function useTerminalHandover(): void {
	const {suspendTerminal} = useApp();
	const {terminal} = useServices();
	useEffect(() => {
		if (!terminal) return;
		terminal.suspend = session => suspendTerminal(session);
		return () => {
			terminal.suspend = undefined;
		};
	}, [terminal, suspendTerminal]);
}
