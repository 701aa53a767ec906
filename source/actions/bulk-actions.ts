import type {ContainerRow} from '../domain/container.js';
import type {ContainerAction, Engine} from '../engine/engine.js';
import {sanitizeText} from '../format/sanitize.js';
import {shortIds} from '../format/short-ids.js';
import {finishBulk, setRowProgress, startBulk, type RowProgress} from '../store/bulk-slice.js';
import type {Store} from '../store/store.js';
import {notify} from '../store/ui-slice.js';
import {anonymousVolumesOf, bulkQuestion, bulkTitle, nameList, type BulkPlan} from './bulk-plan.js';
import type {CommandContext} from './command-context.js';
import {askFirst} from './confirm.js';
import {isRunning} from './container-actions.js';

const doing: Record<ContainerAction, string> = {start: 'starting', stop: 'stopping', restart: 'restarting', pause: 'pausing', unpause: 'unpausing', kill: 'killing', remove: 'removing'};
const done: Record<ContainerAction, string> = {start: 'started', stop: 'stopped', restart: 'restarted', pause: 'paused', unpause: 'unpaused', kill: 'killed', remove: 'removed'};

/** How many engine calls a bulk action has in flight at once: enough to be quick, few enough not to swamp a small engine. */
export const bulkConcurrency = 4;

/** What a bulk action ended with, for the status bar and for tests. */
export type BulkOutcome = {done: string[]; failed: Array<{name: string; reason: string}>};

/**
 * Runs one action on many containers, each on its own: a failure is recorded
 * on its row and the others go on. Each row's progress shows in the table as
 * it goes, and the status bar sums up at the end. With `levels`, each level
 * is finished before the next begins (a compose project's dependency order).
 * A container that vanished
 * since it was marked is reported, not acted on. Never throws; refuses
 * outright in read-only mode, as a second fence behind the keymap.
 */
export async function runBulk(engine: Engine, store: Store, plan: BulkPlan, options: {volumes?: boolean; levels?: readonly ContainerRow[][]} = {}): Promise<BulkOutcome> {
	const {action} = plan;
	const outcome: BulkOutcome = {done: [], failed: []};
	if (store.getSnapshot().readOnly) {
		store.update(state => notify(state, `read-only: ${action} is disabled`, 'error'));
		return outcome;
	}
	const progress = new Map<string, RowProgress>();
	for (const {row, reason} of plan.skipped) progress.set(row.id, {status: 'skipped', text: sanitizeText(reason)});
	// With levels, the later ones wait for the earlier: say so until their turn.
	const later = new Set((options.levels ?? []).slice(1).flat().map(row => row.id));
	for (const row of plan.targets) progress.set(row.id, {status: 'running', text: later.has(row.id) ? 'waiting…' : `${doing[action]}…`});
	store.update(state => notify(startBulk(state, progress), `${doing[action]} ${plan.targets.length} containers…`));

	const one = async (marked: ContainerRow): Promise<void> => {
		const name = sanitizeText(marked.name);
		const current = store.getSnapshot().containers.get(marked.id);
		let result: RowProgress;
		if (current) {
			try {
				await engine.containerAction(current.id, action, {force: action === 'remove' && isRunning(current), ...(options.volumes ? {volumes: true} : {})});
				result = {status: 'done', text: done[action]};
			} catch (error) {
				result = {status: 'failed', text: engine.isGone(error) ? 'no longer exists' : shortIds(sanitizeText(engine.explain(error)))};
			}
		} else {
			result = {status: 'failed', text: 'no longer exists'};
		}
		if (result.status === 'done') outcome.done.push(name);
		else outcome.failed.push({name, reason: result.text});
		store.update(state => setRowProgress(state, marked.id, result));
	};

	// A compose project goes level by level (dependencies first, or last for stop and remove); marks all at once.
	for (const level of options.levels ?? [plan.targets]) {
		const queue = [...level];
		if (options.levels && level !== options.levels[0]) for (const row of level) store.update(state => setRowProgress(state, row.id, {status: 'running', text: `${doing[action]}…`}));
		const worker = async () => {
			for (let row = queue.shift(); row; row = queue.shift()) await one(row);
		};
		await Promise.all(Array.from({length: Math.min(bulkConcurrency, queue.length)}, worker));
	}
	store.update(state => notify(finishBulk(state, Date.now()), bulkSummary(action, outcome), outcome.failed.length > 0 ? 'error' : 'info'));
	return outcome;
}

/** "stop: 4 stopped, 1 failed (web-3: no longer exists)". */
export function bulkSummary(action: ContainerAction, outcome: BulkOutcome): string {
	const parts = [`${outcome.done.length} ${done[action]}`];
	if (outcome.failed.length > 0) {
		const first = outcome.failed[0];
		const more = outcome.failed.length > 1 ? `; also ${nameList(outcome.failed.slice(1).map(each => each.name), 2)}` : '';
		parts.push(`${outcome.failed.length} failed (${first?.name}: ${first?.reason}${more})`);
	}
	return `${action}: ${parts.join(', ')}`;
}

/**
 * Asks once for the whole plan (when the keymap row says so) and runs it on
 * yes. Starting loses nothing, so it runs at once. The dialog lists the first
 * few names and "and N more"; a remove with anonymous volumes offers a second
 * yes that removes those too, as `docker rm -v` does.
 */
export function askBulk(context: Pick<CommandContext, 'engine' | 'store' | 'binding'>, plan: BulkPlan): void {
	const {engine, store} = context;
	if (plan.targets.length === 0) {
		const reason = plan.skipped[0]?.reason ?? 'nothing to act on';
		store.update(state => notify(state, `none of the marked containers can ${plan.action}: ${reason}`, 'error'));
		return;
	}
	const run = (volumes: boolean) => () => void runBulk(engine, store, plan, volumes ? {volumes} : {});
	if (plan.action === 'start') {
		run(false)();
		return;
	}
	const anonymous = anonymousVolumesOf(plan);
	const alternative = anonymous > 0 ? {label: `yes, and remove their ${anonymous === 1 ? 'anonymous volume' : `${anonymous} anonymous volumes`}`, run: run(true)} : undefined;
	askFirst(context, {title: bulkTitle(plan), question: bulkQuestion(plan), target: `${plan.targets.length} containers`, run: run(false), ...(alternative ? {alternative} : {})});
}
