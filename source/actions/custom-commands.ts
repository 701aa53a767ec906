import {spawn} from 'node:child_process';
import {invocation, TemplateError, type CustomCommand} from '../domain/command-template.js';
import type {ContainerRow} from '../domain/container.js';
import {sanitizeText} from '../format/sanitize.js';
import {selectSelected} from '../store/selectors.js';
import type {Store} from '../store/store.js';
import {notify, setUi} from '../store/ui-slice.js';
import {promptKeys} from '../keys/key-labels.js';
import type {CommandContext, Handler} from './command-context.js';
import {askFirst} from './confirm.js';

/** Output kept from a background command: its tail, enough for the status bar. */
const keptBytes = 4096;

/** The commands in force: with --read-only only those marked readOnlySafe. */
export function usableCommands(commands: readonly CustomCommand[] | undefined, readOnly: boolean): CustomCommand[] {
	return (commands ?? []).filter(command => !readOnly || command.readOnlySafe === true);
}

/** The command a typed name means: exact, else the only one it starts. */
export function findCommand(commands: readonly CustomCommand[], typed: string): CustomCommand | undefined {
	const text = typed.trim().toLowerCase();
	const exact = commands.find(command => command.name.toLowerCase() === text);
	if (exact) return exact;
	const starts = commands.filter(command => command.name.toLowerCase().startsWith(text));
	return starts.length === 1 ? starts[0] : undefined;
}

/**
 * Runs a command in the background with the container's values, as an argv
 * (no shell unless the command asks for one), and reports how it ended and
 * its last line of output in the status bar. The child is owned here: its
 * output is bounded, and `signal` (the app closing) kills it. Resolves with
 * the exit code and the output kept, for tests.
 */
export function runInBackground(store: Store, command: CustomCommand, row: ContainerRow, signal?: AbortSignal): Promise<{code: number | null; output: string}> {
	const label = sanitizeText(command.name);
	return new Promise(resolve => {
		let spec;
		try {
			spec = invocation(command, row);
		} catch (error) {
			const text = error instanceof TemplateError ? error.message : String(error);
			store.update(state => notify(state, `${label}: ${sanitizeText(text)}`, 'error'));
			resolve({code: null, output: ''});
			return;
		}
		store.update(state => notify(state, `${label}: running on ${sanitizeText(row.name)}…`));
		let output = '';
		const keep = (chunk: Buffer) => {
			output = (output + chunk.toString('utf8')).slice(-keptBytes);
		};
		const child = spawn(spec.file, spec.args, {shell: false, env: {...process.env, ...spec.env}, stdio: ['ignore', 'pipe', 'pipe'], ...(signal ? {signal} : {})});
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		child.on('error', error => {
			store.update(state => notify(state, `${label}: cannot run ${sanitizeText(spec.file)}: ${sanitizeText(error.message)}`, 'error'));
			resolve({code: null, output});
		});
		child.on('close', code => {
			const last = output.trim().split('\n').at(-1) ?? '';
			store.update(state => notify(state, `${label}: ${code === 0 ? 'done' : `exit ${code ?? 'killed'}`}${last ? `: ${sanitizeText(last)}` : ''}`, code === 0 ? 'info' : 'error'));
			resolve({code, output});
		});
	});
}

/** Runs the named command on a container, asking first when the command says so. */
function runNamed(context: CommandContext, row: ContainerRow, typed: string): void {
	const {store} = context;
	const state = store.getSnapshot();
	const commands = usableCommands(state.customCommands, state.readOnly);
	const command = findCommand(commands, typed);
	if (!command) {
		store.update(s => notify(s, `no command "${sanitizeText(typed)}" (commands: ${commands.map(each => sanitizeText(each.name)).join(', ')})`, 'error'));
		return;
	}
	const run = () => void runInBackground(store, command, row);
	if (!command.confirm) return run();
	askFirst({store}, {title: `Run ${sanitizeText(command.name)}`, question: `Run "${sanitizeText(command.name)}" on ${sanitizeText(row.name)}?`, target: row.name, run});
}

/** `!`: a line to type a custom command's name (Tab-free: a unique prefix will do), run on the selected container. */
export const openCustomCommand: Handler = context => {
	const {store} = context;
	const state = store.getSnapshot();
	const row = selectSelected(state);
	const commands = usableCommands(state.customCommands, state.readOnly);
	if (commands.length === 0) {
		store.update(s => notify(s, 'no custom commands (see README: Custom commands)', 'error'));
		return;
	}
	if (!row) return;
	store.update(s => setUi(s, {prompt: {kind: 'input', text: '', label: 'run ', help: `${commands.map(each => sanitizeText(each.name)).join(', ')}; ${promptKeys('runs')}`, submit: text => runNamed(context, row, text)}}));
};
