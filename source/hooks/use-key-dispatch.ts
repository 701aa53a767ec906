import {useInput} from 'ink';
import {splitBurst} from '../keys/burst.js';
import {keyName} from '../keys/dispatch.js';
import {useServices} from './use-store.js';

/**
 * Routes every key press through the one dispatcher. Several characters can
 * arrive in one read (fast typing over SSH, tmux send-keys, a paste): each is
 * dispatched as its own key so none is lost. `active` is false while a child
 * owns the terminal.
 */
export function useKeyDispatch(active = true): void {
	const {dispatch} = useServices();
	useInput((input, key) => {
		const plain = !key.ctrl && !key.meta && !key.escape && !key.return && !key.tab && !key.backspace && !key.delete;
		if (plain && input.length > 1) {
			// Under load a read can hold a typed character and the Enter after it ("d\r"), or / then Ctrl-U: name the control keys, or they are lost.
			for (const each of splitBurst(input)) dispatch(each.key, each.input);
			return;
		}
		dispatch(keyName(input, key), input);
	}, {isActive: active});
}
