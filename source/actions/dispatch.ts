import {resolveKey} from '../keys/dispatch.js';
import type {Scope} from '../keys/keymap.js';
import {notify, setUi, setView} from '../store/ui-slice.js';
import {runCommand, type CommandContext} from './commands.js';
import {parseView} from './views.js';
import {runHostLine} from './host-commands.js';

/** A mode on the input stack: it gets the key first and says whether it used it. */
type Mode = (key: string, input: string, context: CommandContext) => boolean;

/** The confirmation dialog swallows every key: y or Enter confirms, anything else cancels. */
const confirmMode: Mode = (key, _input, {store}) => {
	const pending = store.getSnapshot().ui.confirm;
	if (!pending) return false;
	store.update(s => setUi(s, {confirm: undefined}));
	if (key !== 'y' && key !== 'return') {
		store.update(s => notify(s, `${pending.title.toLowerCase()} cancelled`));
		return true;
	}
	pending.run();
	return true;
};

/** A prompt line (`/` filter or `:` command) takes typing until Enter or Esc. */
const promptMode: Mode = (key, input, context) => {
	const {store} = context;
	const prompt = store.getSnapshot().ui.prompt;
	if (!prompt) return false;
	if (key === 'escape') {
		store.update(s => setUi(s, {prompt: undefined, ...(prompt.kind === 'filter' ? {filter: ''} : {})}));
		prompt.change?.('');
		return true;
	}
	if (key === 'return') {
		store.update(s => setUi(s, {prompt: undefined}));
		if (prompt.kind === 'command') runLine(prompt.text, context);
		prompt.submit?.(prompt.text);
		return true;
	}
	let text = prompt.text;
	if (key === 'backspace') text = text.slice(0, -1);
	else if (key === 'ctrl+u') text = '';
	else if (input && !key.startsWith('ctrl+') && input.length >= 1 && !/[\u0000-\u001f\u007f]/.test(input)) text += input;
	else return true;
	const next = {...prompt, text};
	store.update(s => setUi(s, prompt.kind === 'filter' ? {prompt: next, filter: text} : {prompt: next}));
	prompt.change?.(text);
	return true;
};

function runLine(text: string, context: CommandContext): void {
	const {store} = context;
	if (text.trim() === '') return;
	if (runHostLine(text, context)) return;
	const view = parseView(text);
	if (view) store.update(s => setView(s, view));
	else store.update(s => notify(s, `unknown view: ${text.trim()} (try :containers or :help)`, 'error'));
}

/** Keys bound in the keymap, for the current view's scope. */
const keymapMode: Mode = (key, _input, context) => {
	const state = context.store.getSnapshot();
	const scope: Scope = state.ui.view;
	const binding = resolveKey(key, scope, state.readOnly);
	if (!binding) return false;
	runCommand(binding, context);
	return true;
};

const modes: Mode[] = [confirmMode, promptMode, keymapMode];

/** The one input dispatcher: offers the key to each mode in stack order until one uses it. */
export function dispatchKey(key: string, input: string, context: CommandContext): void {
	for (const mode of modes) if (mode(key, input, context)) return;
}
