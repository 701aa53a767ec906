import {runBuildLine} from './build-actions.js';
import {resolveKey} from '../keys/dispatch.js';
import {keyLabel} from '../keys/key-labels.js';
import {completeLine, lineNames, matchLine} from '../keys/line-commands.js';
import type {Scope} from '../keys/keymap.js';
import {notify, setUi, setView} from '../store/ui-slice.js';
import {runCommand, type CommandContext} from './commands.js';
import {runHostLine} from './host-commands.js';
import {runRegistryLine} from './registry-actions.js';
import {handbackMode} from './handback.js';
import {clearFilter} from './navigation.js';
import {runColumnsLine} from './columns-commands.js';
import {runCustomKey} from './custom-commands.js';

/** A mode on the input stack: it gets the key first and says whether it used it. */
type Mode = (key: string, input: string, context: CommandContext) => boolean;

/**
 * The confirmation dialog swallows every key: only the `confirm` scope's yes
 * key (y) confirms. Enter, Esc and anything else cancel, so a second Enter
 * after a prompt never destroys or overwrites.
 */
const confirmMode: Mode = (key, _input, {store}) => {
	const state = store.getSnapshot();
	const pending = state.ui.confirm;
	if (!pending) return false;
	store.update(s => setUi(s, {confirm: undefined}));
	const answer = resolveKey(key, 'confirm', state.readOnly)?.command;
	if (pending.alternative && answer === 'yes-also') {
		pending.alternative.run();
		return true;
	}
	if (answer !== 'yes') {
		store.update(s => notify(s, `${pending.title.toLowerCase()} cancelled`));
		return true;
	}
	pending.run();
	return true;
};

/** A prompt line (`/` filter, `:` command, a view's own line) takes typing until its submit or cancel key. */
const promptMode: Mode = (key, input, context) => {
	const {store} = context;
	const state = store.getSnapshot();
	const prompt = state.ui.prompt;
	if (!prompt) return false;
	const command = resolveKey(key, 'prompt', state.readOnly)?.command;
	if (command === 'cancel') {
		store.update(s => prompt.kind === 'filter' ? clearFilter(setUi(s, {prompt: undefined})) : setUi(s, {prompt: undefined}));
		prompt.change?.('');
		return true;
	}
	if (command === 'submit') {
		store.update(s => setUi(s, {prompt: undefined}));
		if (prompt.kind === 'command') runLine(prompt.text, context);
		prompt.submit?.(prompt.text);
		return true;
	}
	if (command === 'complete') {
		if (prompt.kind === 'command') completeCommand(prompt.text, context);
		return true;
	}
	let text = prompt.text;
	if (command === 'delete-back') text = text.slice(0, -1);
	else if (command === 'clear-line') text = '';
	else if (input && !key.startsWith('ctrl+') && input.length >= 1 && !/[\u0000-\u001f\u007f]/.test(input)) text += input;
	else return true;
	const next = {...prompt, text, ...(prompt.kind === 'command' ? {help: undefined} : {})};
	store.update(s => setUi(s, prompt.kind === 'filter' ? {prompt: next, filter: text} : {prompt: next}));
	prompt.change?.(text);
	return true;
};

/** Tab on the `:` line: complete a unique name, or extend to the common prefix and list the candidates. */
function completeCommand(text: string, {store}: CommandContext): void {
	const completion = completeLine(text);
	const help = completion.candidates.length > 1 ? `one of: ${completion.candidates.join(', ')}` : completion.candidates.length === 0 ? `no view starts with "${text}"` : undefined;
	store.update(s => s.ui.prompt ? setUi(s, {prompt: {...s.ui.prompt, text: completion.text, help}}) : s);
}

/** Runs a `:` line: a view opens, `q` quits, an ambiguous prefix lists its candidates, anything else names what exists. */
function runLine(text: string, context: CommandContext): void {
	const {store} = context;
	if (text.trim() === '') return;
	if (runColumnsLine(text, context) || runHostLine(text, context)) return;
	if (runBuildLine(text, context) || runRegistryLine(text, context)) return;
	const [word = '', ...rest] = text.trim().split(/\s+/);
	const {match, candidates} = matchLine(word);
	if (match && !match.view && !match.command) {
		// A prefix of a line that takes an argument (`:ho web` is `:host web`).
		const line = [match.name, ...rest].join(' ');
		if (!runColumnsLine(line, context) && !runBuildLine(line, context) && !runRegistryLine(line, context)) runHostLine(line, context);
	} else if (match?.view) {
		const view = match.view;
		store.update(s => setView(s, view));
	} else if (match?.command === 'quit') {
		context.quit();
	} else if (candidates.length > 1) {
		store.update(s => notify(s, `:${text.trim()} could be ${candidates.map(entry => entry.name).join(', ')}; type more (${keyLabel('tab')} completes)`, 'error'));
	} else {
		store.update(s => notify(s, `unknown view: ${text.trim()} (views: ${lineNames()})`, 'error'));
	}
}

/** Keys bound in the keymap, for the current view's scope. */
const keymapMode: Mode = (key, _input, context) => {
	const state = context.store.getSnapshot();
	const scope: Scope = state.ui.view;
	const binding = resolveKey(key, scope, state.readOnly);
	if (!binding) return runCustomKey(key, context);
	runCommand(binding, context);
	return true;
};

/**
 * The "terminal too small" screen shows nothing to act on, so nothing may
 * act: every key is used up here except quit (a dialog or prompt under it
 * stays as it was). Resizing the terminal brings the view back.
 */
const tooSmallMode: Mode = (key, _input, context) => {
	const state = context.store.getSnapshot();
	if (!state.ui.tooSmall) return false;
	if (resolveKey(key, 'global', state.readOnly)?.command === 'quit') context.quit();
	return true;
};

const modes: Mode[] = [handbackMode, tooSmallMode, confirmMode, promptMode, keymapMode];

/** The one input dispatcher: offers the key to each mode in stack order until one uses it. */
export function dispatchKey(key: string, input: string, context: CommandContext): void {
	for (const mode of modes) if (mode(key, input, context)) return;
}

/** The commands each mode above the views handles, so tests can prove every `prompt` and `confirm` binding reaches one. */
export const modeCommands: Record<'prompt' | 'confirm', readonly string[]> = {
	prompt: ['submit', 'cancel', 'complete', 'delete-back', 'clear-line'],
	confirm: ['yes', 'yes-also'],
};
