import {useEffect} from 'react';
import type {Notice} from '../store/state.js';
import {clearNotice, noticeExpiry} from '../store/ui-slice.js';
import {useServices} from './use-store.js';

/**
 * Clears the status bar's message when it expires. One timer while a message
 * is shown and none otherwise, so an idle screen with nothing to say does no
 * work. A newer message replaces the timer.
 */
export function useNoticeExpiry(notice: Notice | undefined): void {
	const {store} = useServices();
	useEffect(() => {
		if (!notice) return;
		const timer = setTimeout(() => store.update(state => clearNotice(state, notice)), Math.max(0, noticeExpiry(notice) - Date.now()));
		return () => clearTimeout(timer);
	}, [notice, store]);
}
