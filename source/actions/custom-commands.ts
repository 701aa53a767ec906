import {spawn} from 'node:child_process';
import {containerTarget, expandArgument, imageTarget, invocation, networkTarget, projectTarget, TemplateError, volumeTarget, type CommandScope, type CustomCommand, type TemplateTarget} from '../domain/command-template.js';
import {commandForKey} from '../keys/command-keys.js';
import {selectedEntry} from '../store/project-groups.js';
import {selectedImage, selectedNetwork, selectedVolume} from '../store/resources-selectors.js';
import type {AppState} from '../store/state.js';
import {runInTerminal} from './terminal-command.js';
import type {ContainerRow} from '../domain/container.js';
import {sanitizeText} from '../format/sanitize.js';
import {outputLines} from '../format/output-text.js';
import {finishOutput, openOutput} from '../store/output-slice.js';
import {selectSelected} from '../store/selectors.js';
import type {Store} from '../store/store.js';
import {notify, setUi} from '../store/ui-slice.js';
import {promptKeys} from '../keys/key-labels.js';
import type {CommandContext, Handler} from './command-context.js';
import {askFirst} from './confirm.js';

/** How much of a background command's output is kept (its end): enough for a view of it, bounded however much it prints. */
const keptBytes = 256 * 1024;

/** The commands in force in a scope: with --read-only only those marked readOnlySafe. */
export function usableCommands(commands: readonly CustomCommand[] | undefined, readOnly: boolean, scope?: CommandScope): CustomCommand[] {
	return (commands ?? []).filter(command => (!readOnly || command.readOnlySafe === true) && (scope === undefined || (command.scopes ?? ['containers']).includes(scope)));
}

/** The command a typed name means: exact, else the only one it starts. */
export function findCommand(commands: readonly CustomCommand[], typed: string): CustomCommand | undefined {
	const text = typed.trim().toLowerCase();
	const exact = commands.find(command => command.name.toLowerCase() === text);
	if (exact) return exact;
	const starts = commands.filter(command => command.name.toLowerCase().startsWith(text));
	return starts.length === 1 ? starts[0] : undefined;
}

/** What the selection is in the current view, as a template sees it (and the container itself, for exec). */
export function selectedTarget(state: AppState): {target: TemplateTarget; row?: ContainerRow} | undefined {
	switch (state.ui.view) {
		case 'containers': {
			if (state.ui.grouped) {
				const entry = selectedEntry(state);
				if (!entry) return undefined;
				return entry.kind === 'project' ? {target: projectTarget(entry.name, entry.rows)} : {target: containerTarget(entry.row), row: entry.row};
			}
			const row = selectSelected(state);
			return row ? {target: containerTarget(row), row} : undefined;
		}
		case 'images': {
			const row = selectedImage(state);
			return row ? {target: imageTarget(row)} : undefined;
		}
		case 'volumes': {
			const row = selectedVolume(state);
			return row ? {target: volumeTarget(row)} : undefined;
		}
		case 'networks': {
			const row = selectedNetwork(state);
			return row ? {target: networkTarget(row)} : undefined;
		}
		default:
			return undefined;
	}
}

/**
 * Runs a command in the background with the container's values, as an argv
 * (no shell unless the command asks for one). Its output is shown in the
 * output view (opened as it starts; Esc goes back and leaves it running),
 * and the status bar says how it ended with its last line. The child is
 * owned here: its output is bounded (the last `keptBytes`), and `signal`
 * (the app closing) kills it. Resolves with the exit code and the output
 * kept, for tests.
 */
export function runInBackground(store: Store, command: CustomCommand, given: TemplateTarget | ContainerRow, signal?: AbortSignal): Promise<{code: number | null; output: string}> {
	const label = sanitizeText(command.name);
	const target = 'fields' in given ? given : containerTarget(given);
	return new Promise(resolve => {
		let spec;
		try {
			spec = invocation(command, target);
		} catch (error) {
			const text = error instanceof TemplateError ? error.message : String(error);
			store.update(state => notify(state, `${label}: ${sanitizeText(text)}`, 'error'));
			resolve({code: null, output: ''});
			return;
		}
		const on = sanitizeText(target.fields.name ?? '');
		store.update(state => notify(openOutput(state, label, on), `${label}: running on ${on}…`));
		let output = '';
		let dropped = false;
		const keep = (chunk: Buffer) => {
			output += chunk.toString('utf8');
			if (output.length > keptBytes) {
				output = output.slice(-keptBytes);
				dropped = true;
			}
		};
		// The view keeps the end of a long output; it says when the start was left out.
		const shown = () => {
			const {lines, truncated} = outputLines(output);
			return {lines: dropped ? ['[earlier output left out]', ...lines] : lines, truncated};
		};
		const child = spawn(spec.file, spec.args, {shell: false, env: {...process.env, ...spec.env}, stdio: ['ignore', 'pipe', 'pipe'], ...(signal ? {signal} : {})});
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		child.on('error', error => {
			// Aborted (the app closing): the kill is on its way, and 'close' says when the child has gone.
			if (error.name === 'AbortError') return;
			const message = `cannot run ${sanitizeText(spec.file)}: ${sanitizeText(error.message)}`;
			store.update(state => notify(finishOutput(state, label, {status: 'error', message}), `${label}: ${message}`, 'error'));
			resolve({code: null, output});
		});
		child.on('close', (code, killedBy) => {
			const last = output.trim().split('\n').at(-1) ?? '';
			const ended = code === null ? {status: 'error' as const, message: `killed (${killedBy ?? 'signal'})`, ...shown()} : {status: 'done' as const, exitCode: code, ...shown()};
			store.update(state => notify(finishOutput(state, label, ended), `${label}: ${code === 0 ? 'done' : `exit ${code ?? 'killed'}`}${last ? `: ${sanitizeText(last)}` : ''}`, code === 0 ? 'info' : 'error'));
			resolve({code, output});
		});
	});
}

/** Runs a command inside the container through the Engine API (mode exec); the status bar says how it ended, with its last line. */
export async function runInContainer(context: Pick<CommandContext, 'engine' | 'store'>, command: CustomCommand, row: ContainerRow): Promise<void> {
	const {store} = context;
	const label = sanitizeText(command.name);
	let argv: string[];
	try {
		argv = command.argv.map(each => expandArgument(each, row));
	} catch (error) {
		store.update(state => notify(state, `${label}: ${sanitizeText(String((error as Error).message))}`, 'error'));
		return;
	}
	store.update(state => notify(state, `${label}: running in ${sanitizeText(row.name)}…`));
	try {
		const {output, exitCode} = await context.engine.execCollect(row.id, argv);
		const last = output.trim().split('\n').at(-1) ?? '';
		store.update(state => notify(state, `${label}: ${exitCode === 0 ? 'done' : `exit ${exitCode}`}${last ? `: ${sanitizeText(last)}` : ''}`, exitCode === 0 ? 'info' : 'error'));
	} catch (error) {
		store.update(state => notify(state, `${label} in ${sanitizeText(row.name)}: ${sanitizeText(context.engine.explain(error))}`, 'error'));
	}
}

/** Background commands still running: each is killed when the app closes (stopBackgroundCommands). */
const backgroundRuns = new Set<{controller: AbortController; done: Promise<unknown>}>();

/**
 * Kills every background command still running (SIGTERM, through its abort
 * signal) and resolves once each has ended: the app owns them, so none
 * outlives it. The owners call this as the app closes.
 */
export async function stopBackgroundCommands(): Promise<void> {
	const runs = [...backgroundRuns];
	for (const run of runs) run.controller.abort();
	await Promise.all(runs.map(run => run.done));
}

/** How many background commands are running (for tests). */
export function backgroundCommandsRunning(): number {
	return backgroundRuns.size;
}

/** Runs one command on the selection, as its mode says, asking first when the command says so. */
export function runCustom(context: CommandContext, command: CustomCommand, selected: {target: TemplateTarget; row?: ContainerRow}): void {
	const {store} = context;
	const {target, row} = selected;
	const name = target.fields.name ?? '';
	const run = () => {
		if (command.mode === 'exec') {
			if (!row) return store.update(s => notify(s, `${sanitizeText(command.name)} runs inside a container: select one`, 'error'));
			return void runInContainer(context, command, row);
		}
		if (command.mode === 'terminal') {
			let spec;
			try {
				spec = invocation(command, target);
			} catch (error) {
				return store.update(s => notify(s, `${sanitizeText(command.name)}: ${sanitizeText((error as Error).message)}`, 'error'));
			}
			return void runInTerminal(context, command.name, spec);
		}
		const controller = new AbortController();
		const run = {controller, done: runInBackground(store, command, target, controller.signal)};
		backgroundRuns.add(run);
		void run.done.finally(() => backgroundRuns.delete(run));
	};
	if (!command.confirm) return run();
	askFirst({store}, {title: `Run ${sanitizeText(command.name)}`, question: `Run "${sanitizeText(command.name)}" on ${sanitizeText(name)}?`, target: name, run});
}

/** Runs the named command on the selection. */
function runNamed(context: CommandContext, selected: {target: TemplateTarget; row?: ContainerRow}, typed: string): void {
	const {store} = context;
	const state = store.getSnapshot();
	const commands = usableCommands(state.customCommands, state.readOnly, selected.target.scope);
	const command = findCommand(commands, typed);
	if (!command) {
		store.update(s => notify(s, `no command "${sanitizeText(typed)}" (commands: ${commands.map(each => sanitizeText(each.name)).join(', ')})`, 'error'));
		return;
	}
	runCustom(context, command, selected);
}

/** `!`: a line to type a custom command's name (a unique prefix will do), run on the selection. */
export const openCustomCommand: Handler = context => {
	const {store} = context;
	const state = store.getSnapshot();
	const selected = selectedTarget(state);
	const scope = selected?.target.scope;
	const commands = usableCommands(state.customCommands, state.readOnly, scope);
	if (commands.length === 0) {
		store.update(s => notify(s, `no custom commands${scope ? ` for ${scope}` : ''} (see README: Custom commands)`, 'error'));
		return;
	}
	if (!selected) return;
	store.update(s => setUi(s, {prompt: {kind: 'input', text: '', label: 'run ', help: `${commands.map(each => sanitizeText(each.name)).join(', ')}; ${promptKeys('runs')}`, submit: text => runNamed(context, selected, text)}}));
};

/**
 * A custom command's own key, for the dispatcher: runs it on the selection
 * when the key is one in this view and the selection is of its scope (a key
 * for projects acts on a header row, one for containers on a container row).
 * Says whether it used the key.
 */
export function runCustomKey(key: string, context: CommandContext): boolean {
	const state = context.store.getSnapshot();
	const commands = usableCommands(state.customCommands, state.readOnly);
	const command = commandForKey(commands, key, state.ui.view);
	if (!command) return false;
	const selected = selectedTarget(state);
	if (!selected || !command.scopes.includes(selected.target.scope)) {
		context.store.update(s => notify(s, `${sanitizeText(command.name)} applies to ${command.scopes.join(', ')}`, 'error'));
		return true;
	}
	runCustom(context, command, selected);
	return true;
}
