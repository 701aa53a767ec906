import type {ContainerRow} from '../domain/container.js';
import {outputLines} from '../format/output-text.js';
import {sanitizeText} from '../format/sanitize.js';
import {finishOutput, openOutput} from '../store/output-slice.js';
import type {CommandContext} from './command-context.js';

/** A one-shot command that has not finished by then is left to run, and the view says so. */
export const oneShotDeadlineMs = 30_000;

/**
 * `E`: runs `argv` in the container without a terminal (no stdin, so nothing
 * waits for keys), and shows what it printed (stdout and stderr, capped by
 * the engine at 1 MiB, then made safe and bounded) in the output view, with
 * its exit code. Porthole keeps the screen throughout. Never throws.
 */
export async function runOneShot(context: Pick<CommandContext, 'engine' | 'store'>, row: ContainerRow, argv: string[], deadlineMs = oneShotDeadlineMs): Promise<void> {
	const {engine, store} = context;
	const command = sanitizeText(argv.join(' '));
	store.update(state => openOutput(state, command, sanitizeText(row.name)));
	const signal = AbortSignal.timeout(deadlineMs);
	try {
		const {output, exitCode} = await engine.execCollect(row.id, argv, {signal});
		store.update(state => finishOutput(state, command, {status: 'done', exitCode, ...outputLines(output)}));
	} catch (error) {
		const message = signal.aborted
			? `no answer within ${deadlineMs / 1000} s (it may still run in the container)`
			: engine.isGone(error) ? 'the container no longer exists' : sanitizeText(engine.explain(error));
		store.update(state => finishOutput(state, command, {status: 'error', message}));
	}
}
