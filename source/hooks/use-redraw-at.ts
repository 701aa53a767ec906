import {useEffect, useReducer} from 'react';

/**
 * Redraws the component at `time` (epoch milliseconds), for text that changes
 * with the clock alone ("<1m ago" becoming "1m ago"). One timer at most, and
 * none when `time` is undefined: an idle screen with no such text does nothing.
 */
export function useRedrawAt(time: number | undefined): void {
	const [, redraw] = useReducer((count: number) => count + 1, 0);
	useEffect(() => {
		if (time === undefined) return;
		const timer = setTimeout(redraw, Math.max(0, time - Date.now()) + 5);
		return () => clearTimeout(timer);
	}, [time]);
}
