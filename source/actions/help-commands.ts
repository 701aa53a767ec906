import {maxHelpScroll} from '../keys/help-lines.js';
import {setUi, setView} from '../store/ui-slice.js';
import type {Handlers} from './command-context.js';

/** What the help view does with each command. Scrolling stops at the last line, so k always moves back at once. */
export const helpHandlers: Handlers = {
	back: ({store}) => store.update(s => setView(s, s.ui.helpFrom ?? 'containers')),
	up: ({store}) => store.update(s => setUi(s, {helpScroll: Math.max(0, s.ui.helpScroll - 1)})),
	down: ({store}) => store.update(s => setUi(s, {helpScroll: Math.min(maxHelpScroll(s.readOnly, s.ui.pageSize, s.ui.helpFrom), s.ui.helpScroll + 1)})),
};
