import {scrollOutput} from '../store/output-slice.js';
import {setView} from '../store/ui-slice.js';
import type {CommandContext, Handlers} from './command-context.js';

/** Rows the output pane gives to lines: the body less its title. */
const visible = ({store}: CommandContext) => Math.max(1, store.getSnapshot().ui.pageSize - 1);
const last = (context: CommandContext) => Math.max(0, (context.store.getSnapshot().output?.lines.length ?? 0) - visible(context));
const by = (context: CommandContext, delta: number) => context.store.update(s => scrollOutput(s, current => current + delta, last(context)));

/** What the output view of a one-shot command does with each command. */
export const outputHandlers: Handlers = {
	back: ({store}) => store.update(s => setView(s, s.output?.from ?? 'containers')),
	up: context => by(context, -1),
	down: context => by(context, 1),
	'page-up': context => by(context, -visible(context)),
	'page-down': context => by(context, visible(context)),
	top: context => context.store.update(s => scrollOutput(s, 0, last(context))),
	bottom: context => context.store.update(s => scrollOutput(s, last(context), last(context))),
};
