import {splitCommandLine} from '../domain/argv.js';
import type {ContainerRow} from '../domain/container.js';
import type {InteractiveSession} from '../engine/exec-api.js';
import {sanitizeText} from '../format/sanitize.js';
import type {AppState} from '../store/state.js';
import {notify, setUi} from '../store/ui-slice.js';
import type {CommandContext} from './command-context.js';
import {pipeSession, processIo, quietStdin, terminalSize, type SessionEnd, type TerminalIo} from './terminal-handover.js';
import {labelFor, promptKeys} from '../keys/key-labels.js';

/** The shells `e` looks for, in order, after the one --shell names. */
export const defaultShells = ['bash', 'ash', 'sh'] as const;

/** The shells to try: the configured one first, then the order (config `shell`, else the defaults), without repeats. */
export function shellCandidates(preferred: string | undefined, order: readonly string[] = defaultShells): string[] {
	return [...new Set([...(preferred ? [preferred] : []), ...order])];
}

/** Why a container cannot take an exec or attach now, or undefined when it can. */
export function refusal(row: ContainerRow, what: string): string | undefined {
	const name = sanitizeText(row.name);
	if (row.state === 'running') return undefined;
	if (row.state === 'paused') return `${name} is paused; unpause it (${labelFor('pause', 'containers') ?? 'p'}) to ${what}`;
	if (row.state === 'restarting') return `${name} is restarting; try again when it runs`;
	return `${name} is not running (${row.state}); start it (${labelFor('start-stop', 'containers') ?? 's'}) to ${what}`;
}

const setHandover = (what: string | undefined) => (state: AppState): AppState =>
	what === undefined ? (state.handover ? {...state, handover: undefined} : state) : {...state, handover: {what}};

type Session = {start: () => Promise<InteractiveSession>; banner: string; detach: boolean; describe: (end: SessionEnd, session: InteractiveSession) => Promise<{text: string; level: 'info' | 'error'}>};

/** Clears the primary screen for the session, cursor home: the session starts on a clean page. */
const clearScreen = '\u001b[H\u001b[2J\u001b[3J';

/**
 * The common path of exec and attach: refuse politely when we cannot, then
 * hand the terminal over at once and start the session inside the handover,
 * so keys typed meanwhile wait in the TTY (raw, unechoed) and reach the
 * session as type-ahead instead of being taken as Porthole commands. Reports
 * how it ended in the status bar. Never throws.
 */
async function handOver(context: CommandContext, row: ContainerRow, what: string, prepare: (io: TerminalIo) => Promise<Session | string>, io: TerminalIo): Promise<void> {
	const {store} = context;
	const state = store.getSnapshot();
	const say = (text: string, level: 'info' | 'error' = 'info') => store.update(s => notify(s, text, level));
	if (state.readOnly) return say(`read-only: ${what} is disabled`, 'error');
	if (state.handover) return say(`busy: ${sanitizeText(state.handover.what)}`, 'error');
	const suspend = context.suspend;
	if (!suspend) return say(`${what} needs an interactive terminal`, 'error');
	const refused = refusal(row, what);
	if (refused) return say(refused, 'error');
	store.update(setHandover(`${what} in ${row.name}`));
	let outcome: {text: string; level: 'info' | 'error'} | undefined;
	let ran: {prepared: Session; session: InteractiveSession; end: SessionEnd} | undefined;
	let failure: unknown;
	try {
		await quietStdin(io.stdin);
		await suspend(async () => {
			setRaw(io, true);
			io.stdout.write(clearScreen);
			let piped = false;
			try {
				const prepared = await prepare(io);
				if (typeof prepared === 'string') {
					outcome = {text: prepared, level: 'error'};
					return;
				}
				const session = await prepared.start();
				piped = true;
				const end = await pipeSession(session, io, {banner: prepared.banner, detach: prepared.detach});
				ran = {prepared, session, end};
			} catch (error) {
				failure = error;
			} finally {
				if (!piped) {
					setRaw(io, false);
					await quietStdin(io.stdin);
				}
			}
		});
	} catch (error) {
		failure ??= error;
	}
	try {
		if (ran) outcome = await ran.prepared.describe(ran.end, ran.session);
		else if (failure !== undefined) outcome = {text: await explainFailure(context, row, what, failure), level: 'error'};
	} catch (error) {
		outcome = {text: `${what} in ${sanitizeText(row.name)}: ${sanitizeText(context.engine.explain(error))}`, level: 'error'};
	} finally {
		store.update(setHandover(undefined));
	}
	if (outcome) say(outcome.text, outcome.level);
}

function setRaw(io: TerminalIo, mode: boolean): void {
	try {
		if (io.stdin.isTTY) io.stdin.setRawMode?.(mode);
	} catch {
		// The terminal went away; the session start reports it.
	}
}

/** A one-line account of a failed exec or attach: the container gone or stopped, or the engine's own words. */
async function explainFailure(context: CommandContext, row: ContainerRow, what: string, error: unknown): Promise<string> {
	const name = sanitizeText(row.name);
	if (context.engine.isGone(error)) return `${name} no longer exists`;
	const current = await context.engine.inspectContainer(row.id).catch(() => 'unreachable' as const);
	if (current === undefined) return `${name} no longer exists`;
	if (current !== 'unreachable' && current.state !== 'running') return refusal(current, what) ?? `${what} in ${name} failed`;
	return `${what} in ${name} failed: ${sanitizeText(context.engine.explain(error))}`;
}

/** What to say when a session ended without an exit code: the container went away, stopped, or the engine dropped us. */
async function afterLoss(context: CommandContext, row: ContainerRow, end: SessionEnd, what: string): Promise<{text: string; level: 'error'} | undefined> {
	const name = sanitizeText(row.name);
	let current: ContainerRow | undefined;
	try {
		current = await context.engine.inspectContainer(row.id);
	} catch (error) {
		return {text: `the engine dropped the connection during ${what} in ${name}: ${sanitizeText(context.engine.explain(end.error ?? error))}`, level: 'error'};
	}
	if (!current) return {text: `${name} disappeared during ${what}`, level: 'error'};
	if (current.state !== 'running') return {text: `${name} stopped during ${what} (${current.state})`, level: 'error'};
	if (end.how === 'dropped') return {text: `the connection to ${what} in ${name} broke: ${sanitizeText(context.engine.explain(end.error))}`, level: 'error'};
	return undefined;
}

/**
 * `e` (and `E`): runs `command` in the container with the real terminal, or
 * the first shell that exists (--shell, bash, ash, sh) when none is given.
 */
export function execInContainer(context: CommandContext, row: ContainerRow, command?: string[], io: TerminalIo = processIo()): Promise<void> {
	const name = sanitizeText(row.name);
	const label = command ? sanitizeText(command.join(' ')) : 'shell';
	return handOver(context, row, command ? `exec ${label}` : 'open a shell', async terminal => {
		let cmd = command;
		if (!cmd) {
			const candidates = shellCandidates(context.store.getSnapshot().shell, context.store.getSnapshot().shells);
			terminal.stdout.write(`porthole: looking for a shell in ${name}…\r\n`);
			const shell = await context.engine.findShell(row.id, candidates);
			if (!shell) return `no shell in ${name} (tried ${candidates.join(', ')}); press ${labelFor('exec-command', 'containers')} to run a command`;
			cmd = [shell];
		}
		const argv = cmd;
		const shown = sanitizeText(argv.join(' '));
		return {
			start: () => context.engine.execInteractive(row.id, argv, terminalSize(io.stdout)),
			banner: `\u001b[1mporthole:\u001b[0m ${shown} in ${name} — exit (or Ctrl-D) returns to Porthole\r\n`,
			detach: false,
			async describe(end, session) {
				let code: number | undefined;
				let failure: unknown;
				try {
					code = await session.result();
				} catch (error) {
					failure = error;
				}
				if (code !== undefined && end.how !== 'dropped') {
					if ((code === 126 || code === 127) && command) return {text: `${shown} in ${name}: not found or not executable (exit ${code})`, level: 'error'};
					return {text: `${shown} in ${name} exited with code ${code}`, level: code === 0 ? 'info' : 'error'};
				}
				const lost = await afterLoss(context, row, failure && end.how !== 'dropped' ? {how: 'dropped', error: failure} : end, `the exec`);
				return lost ?? {text: `${shown} in ${name} ended`, level: 'info'};
			},
		};
	}, io);
}

/** `a`: attaches to the container's main process; Ctrl-P Ctrl-Q detaches and leaves it running. */
export function attachToContainer(context: CommandContext, row: ContainerRow, io: TerminalIo = processIo()): Promise<void> {
	const name = sanitizeText(row.name);
	return handOver(context, row, 'attach', async () => ({
		start: () => context.engine.attachInteractive(row.id, terminalSize(io.stdout)),
		banner: `\u001b[1mporthole:\u001b[0m attached to ${name} — detach with Ctrl-P Ctrl-Q (the container keeps running)\r\n`,
		detach: true,
		async describe(end, session) {
			const noInput = session.input === undefined ? ' (its stdin is closed; output only)' : '';
			if (end.how === 'detached') return {text: `detached from ${name}; it keeps running${noInput}`, level: 'info'};
			const lost = await afterLoss(context, row, end, 'the attach');
			return lost ?? {text: `attach to ${name} ended`, level: 'info'};
		},
	}), io);
}

/** `E`: asks for a command line in the footer, then runs it like `e` runs a shell. */
export function promptForCommand(context: CommandContext, row: ContainerRow): void {
	const name = sanitizeText(row.name);
	const refused = refusal(row, 'run a command');
	if (refused) {
		context.store.update(s => notify(s, refused, 'error'));
		return;
	}
	context.store.update(s => setUi(s, {
		prompt: {
			kind: 'exec',
			text: '',
			label: `exec in ${name}> `,
			help: `e.g. ps aux, or sh -c '…'; ${promptKeys('runs')}`,
			submit: text => {
				const argv = splitCommandLine(text);
				if (argv.length > 0) void execInContainer(context, row, argv);
			},
		},
	}));
}
