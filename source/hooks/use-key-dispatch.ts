import {useInput, useStdin} from 'ink';
import type {EventEmitter} from 'node:events';
import {useEffect} from 'react';
import {parseMouse} from '../domain/mouse.js';
import {splitBurst} from '../keys/burst.js';
import {keyName} from '../keys/dispatch.js';
import {useServices} from './use-store.js';

/**
 * Routes every key press, and with `mouse: true` every click, through the one dispatcher. Several characters can
 * arrive in one read (fast typing over SSH, tmux send-keys, a paste): each is
 * dispatched as its own key so none is lost. `active` is false while a child
 * owns the terminal.
 */
export function useKeyDispatch(active = true): void {
	const {dispatch, mouse} = useServices();
	useInput((input, key) => {
		const plain = !key.ctrl && !key.meta && !key.escape && !key.return && !key.tab && !key.backspace && !key.delete;
		if (plain && input.length > 1) {
			// Under load a read can hold a typed character and the Enter after it ("d\r"), or / then Ctrl-U: name the control keys, or they are lost.
			for (const each of splitBurst(input)) dispatch(each.key, each.input);
			return;
		}
		dispatch(keyName(input, key), input);
	}, {isActive: active});
	// Mouse reports (mouse: true) come as 'mouse' events on Ink's input emitter (scripts/build.mjs), not as keys.
	const {internal_eventEmitter: emitter} = useStdin() as ReturnType<typeof useStdin> & {internal_eventEmitter?: EventEmitter};
	useEffect(() => {
		if (!mouse || !emitter || !active) return;
		const listener = (sequence: string) => {
			const event = parseMouse(sequence);
			if (event) mouse(event);
		};
		emitter.on('mouse', listener);
		return () => {
			emitter.off('mouse', listener);
		};
	}, [emitter, mouse, active]);
}
