import type {ContainerRow} from '../domain/container.js';
import {startLevels} from '../domain/compose.js';
import {sanitizeText} from '../format/sanitize.js';
import {notify} from '../store/ui-slice.js';
import {runBulk} from './bulk-actions.js';
import {bulkQuestion, type BulkPlan} from './bulk-plan.js';
import type {CommandContext} from './command-context.js';
import {askFirst} from './confirm.js';
import {isRunning} from './container-actions.js';

/** What can be done to a whole compose project through the Engine API alone. */
export type ProjectAction = 'start' | 'stop' | 'restart' | 'remove';

/**
 * The order a project action takes, as batches: start and restart bring
 * dependencies up first (as `docker compose up` and `restart` do); stop and
 * remove take dependents down first (as `down` does). Stop and remove leave
 * out nothing; start takes only what is not running.
 */
export function projectLevels(rows: readonly ContainerRow[], action: ProjectAction): ContainerRow[][] {
	const levels = startLevels(action === 'start' ? rows.filter(row => !isRunning(row)) : action === 'stop' ? rows.filter(isRunning) : rows);
	return (action === 'stop' || action === 'remove' ? levels.reverse() : levels).filter(level => level.length > 0);
}

/** The plan a project action runs, for the confirmation and the runner. */
export function projectPlan(rows: readonly ContainerRow[], action: ProjectAction): BulkPlan {
	const targets = projectLevels(rows, action).flat();
	const chosen = new Set(targets.map(row => row.id));
	const reason = action === 'start' ? 'already running' : 'not running';
	return {action, targets, skipped: rows.filter(row => !chosen.has(row.id)).map(row => ({row, reason}))};
}

/**
 * Runs a project action after one confirmation (start asks nothing), level by
 * level in dependency order; each container shows its own result.
 */
export function askProjectAction(context: Pick<CommandContext, 'engine' | 'store' | 'binding'>, project: string, rows: readonly ContainerRow[], action: ProjectAction): void {
	const {engine, store} = context;
	const plan = projectPlan(rows, action);
	const name = sanitizeText(project);
	if (plan.targets.length === 0) {
		store.update(state => notify(state, `project ${name}: nothing to ${action} (${plan.skipped[0]?.reason ?? 'no containers'})`, 'error'));
		return;
	}
	const levels = projectLevels(rows, action);
	const run = () => void runBulk(engine, store, plan, {levels});
	if (action === 'start') return run();
	const order = levels.length > 1 ? ` In dependency order: ${levels.map(level => level.map(row => sanitizeText(row.name)).join(' + ')).join(' → ')}.` : '';
	askFirst(context, {title: `${action[0]?.toUpperCase()}${action.slice(1)} project ${name}`, question: `Project ${name}: ${bulkQuestion(plan)}${order}`, target: project, run});
}
