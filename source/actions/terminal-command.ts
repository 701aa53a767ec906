import {spawn} from 'node:child_process';
import type {Invocation} from '../domain/command-template.js';
import {sanitizeText} from '../format/sanitize.js';
import {notify} from '../store/ui-slice.js';
import type {CommandContext} from './command-context.js';
import {waitForQuiet} from './handback.js';
import {drainStdin, processIo, quietStdin, restoreModes, type TerminalIo} from './terminal-handover.js';

/** Clears the primary screen for the command, cursor home. */
const clearScreen = '\u001b[H\u001b[2J\u001b[3J';

/**
 * Waits for a line (Return) on the real terminal, so the command's last
 * output can be read before Porthole redraws. The prompt is written only once
 * the listener is on: written before, a Return typed as soon as it shows
 * could land while stdin was still being drained and be thrown away, leaving
 * the user (or a test typing on sight of the prompt) waiting for ever. A
 * terminal that has already ended has no key to give: no wait then.
 */
function waitForKey(io: TerminalIo, prompt: string): Promise<void> {
	return new Promise(resolve => {
		const done = () => {
			io.stdin.removeListener('data', done);
			io.stdin.removeListener('end', done);
			resolve();
		};
		if ((io.stdin as {readableEnded?: boolean}).readableEnded) return resolve();
		io.stdin.on('data', done);
		io.stdin.once('end', done);
		io.stdin.resume();
		io.stdout.write(prompt);
	});
}

/** Runs the child with the real terminal and resolves with how it ended; never rejects. */
function runChild(spec: Invocation): Promise<string> {
	return new Promise(resolve => {
		const child = spawn(spec.file, spec.args, {shell: false, stdio: 'inherit', env: {...process.env, ...spec.env}});
		child.once('error', error => resolve(`cannot run ${sanitizeText(spec.file)}: ${sanitizeText(error.message)}`));
		child.once('close', (code, signal) => resolve(code === 0 ? 'exited with code 0' : code === null ? `killed (${signal ?? 'signal'})` : `exited with code ${code}`));
	});
}

/**
 * A custom command in `terminal` mode: hands the terminal over as exec does
 * (Ink suspended, the child on the real TTY), waits for a key after it ends
 * so its output can be read, then takes the terminal back behind the same
 * hand-back guard (keys typed for the child are swallowed until the keyboard
 * is quiet). Only one hand-over at a time. Never throws.
 */
export async function runInTerminal(context: CommandContext, name: string, spec: Invocation, io: TerminalIo = processIo()): Promise<void> {
	const {store} = context;
	const say = (text: string, level: 'info' | 'error' = 'info') => store.update(s => notify(s, text, level));
	const label = sanitizeText(name);
	const state = store.getSnapshot();
	if (state.handover) return say(`busy: ${sanitizeText(state.handover.what)}`, 'error');
	const suspend = context.suspend;
	if (!suspend) return say(`${label} needs an interactive terminal`, 'error');
	store.update(s => ({...s, notice: undefined, handover: {what: label}}));
	let outcome = 'ended';
	try {
		await quietStdin(io.stdin);
		await suspend(async () => {
			io.stdout.write(`${clearScreen}\u001b[1mporthole:\u001b[0m ${label}\r\n`);
			outcome = await runChild(spec);
			io.stdout.write(restoreModes);
			// Keys typed for the child are dropped before the prompt shows, never after.
			await quietStdin(io.stdin);
			drainStdin(io.stdin);
			await waitForKey(io, `\u001b[1mporthole:\u001b[0m ${label} ${outcome}; press Return to go back\r\n`);
			await quietStdin(io.stdin);
			drainStdin(io.stdin);
		});
	} catch (error) {
		outcome = `failed: ${sanitizeText(String(error))}`;
	}
	await waitForQuiet(store, Date.now());
	store.update(s => (s.handover ? {...s, handover: undefined} : s));
	say(`${label}: ${outcome}`, outcome === 'exited with code 0' ? 'info' : 'error');
}
