import {splitCommandLine} from '../domain/argv.js';
import type {ContainerRow} from '../domain/container.js';
import type {InteractiveSession} from '../engine/exec-api.js';
import {sanitizeText} from '../format/sanitize.js';
import type {AppState} from '../store/state.js';
import {notify, setUi} from '../store/ui-slice.js';
import type {CommandContext} from './command-context.js';
import {pipeSession, processIo, quietStdin, terminalSize, type SessionEnd, type TerminalIo} from './terminal-handover.js';
import {labelFor, promptKeys} from '../keys/key-labels.js';
import {waitForQuiet} from './handback.js';
import {runOneShot} from './output-actions.js';

/** The shells `e` looks for, in order, after the one --shell names. */
export const defaultShells = ['bash', 'ash', 'sh'] as const;

/**
 * The shells to try: the one --shell (or the config's `shell`) names, alone
 * (asked for by name, it is not silently swapped for another), else the
 * order (config `shells`, else the defaults).
 */
export function shellCandidates(preferred: string | undefined, order: readonly string[] = defaultShells): string[] {
	return preferred ? [preferred] : [...new Set(order)];
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
 * session as type-ahead instead of being taken as Porthole commands. On the
 * way back, keys still arriving (typed for a child that already ended) are
 * swallowed until the keyboard is quiet; only then does the status bar say
 * how it ended and the table take keys again. Never throws.
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
	// The last session's message would read as this one's until the new one comes.
	store.update(s => setHandover(`${what} in ${row.name}`)(s.notice ? {...s, notice: undefined} : s));
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
	const back = Date.now();
	try {
		if (ran) outcome = await ran.prepared.describe(ran.end, ran.session);
		else if (failure !== undefined) outcome = {text: await explainFailure(context, row, what, failure), level: 'error'};
	} catch (error) {
		outcome = {text: `${what} in ${sanitizeText(row.name)}: ${sanitizeText(context.engine.explain(error))}`, level: 'error'};
	}
	await waitForQuiet(store, back);
	store.update(setHandover(undefined));
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

/**
 * What to say when a session ended without an exit code, as "SUBJECT ended:
 * why": the container was removed or stopped, or the engine dropped the link.
 */
async function afterLoss(context: CommandContext, row: ContainerRow, end: SessionEnd, subject: string, killed = false): Promise<{text: string; level: 'error'} | undefined> {
	let current: ContainerRow | undefined;
	try {
		current = await context.engine.inspectContainer(row.id);
		// A shell killed (137) by `docker rm -f` or a stop can end before the
		// engine has seen the container's own process die: give the engine a
		// moment to catch up before calling it a plain exit code.
		for (let tries = 0; killed && current?.state === 'running' && tries < 10; tries++) {
			await new Promise(resolve => setTimeout(resolve, 100));
			current = await context.engine.inspectContainer(row.id);
		}
	} catch (error) {
		return {text: `${subject} ended: the engine dropped the connection (${sanitizeText(context.engine.explain(end.error ?? error))})`, level: 'error'};
	}
	if (!current || current.state === 'removing') return {text: `${subject} ended: container removed`, level: 'error'};
	if (current.state !== 'running') return {text: `${subject} ended: container stopped (${current.state})`, level: 'error'};
	if (end.how === 'dropped') return {text: `${subject} ended: the connection broke (${sanitizeText(context.engine.explain(end.error))})`, level: 'error'};
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
			const {shell: preferred, shells} = context.store.getSnapshot();
			const candidates = shellCandidates(preferred, shells);
			terminal.stdout.write(`porthole: looking for a shell in ${name}…\r\n`);
			const shell = await context.engine.findShell(row.id, candidates);
			const run = `press ${labelFor('exec-command', 'containers')} to run a command`;
			if (!shell && preferred) return `shell ${sanitizeText(preferred)} (--shell) not found in ${name}; without --shell, ${labelFor('exec', 'containers')} tries ${(shells ?? defaultShells).join(', ')}; or ${run}`;
			if (!shell) return `no shell in ${name} (tried ${candidates.join(', ')}); ${run}`;
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
				if (code === 0 && end.how !== 'dropped') return {text: `${shown} in ${name} exited with code 0`, level: 'info'};
				// A shell killed with its container reports 137: say the container went, not the code.
				const subject = `${command ? shown : 'shell'} in ${name}`;
				const lost = await afterLoss(context, row, failure && end.how !== 'dropped' ? {how: 'dropped', error: failure} : end, subject, code === 137);
				if (lost) return lost;
				if (code !== undefined) {
					if ((code === 126 || code === 127) && command) return {text: `${shown} in ${name}: not found or not executable (exit ${code})`, level: 'error'};
					return {text: `${shown} in ${name} exited with code ${code}`, level: 'error'};
				}
				return {text: `${subject} ended`, level: 'info'};
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
			const lost = await afterLoss(context, row, end, `attach to ${name}`);
			return lost ?? {text: `attach to ${name} ended`, level: 'info'};
		},
	}), io);
}

/** `E`: asks for a command line in the footer, then runs it without a terminal and shows its output (actions/output-actions.ts). */
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
				if (argv.length > 0) void runOneShot(context, row, argv);
			},
		},
	}));
}
