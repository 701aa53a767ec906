import type {ContainerRow} from '../domain/container.js';
import type {ContainerAction} from '../engine/engine.js';
import {sanitizeText} from '../format/sanitize.js';
import {plural} from '../format/plural.js';
import {anonymousVolumeCount, isRunning} from './container-actions.js';

/** The container commands that act on every marked row. */
export type BulkCommand = 'start-stop' | 'restart' | 'pause' | 'kill' | 'remove';

/** What a bulk command will do: one action, the rows it acts on, and the rows it leaves alone with why. */
export type BulkPlan = {
	action: ContainerAction;
	targets: ContainerRow[];
	skipped: Array<{row: ContainerRow; reason: string}>;
};

/**
 * Decides what a command does to a set of marked rows, as it would to each
 * alone: `s` stops them when any runs (the stopped ones are left alone), and
 * starts them when none does; `p` pauses the running ones when any runs,
 * else unpauses the paused ones; kill needs processes; restart and remove take all.
 */
export function planBulk(command: BulkCommand, rows: readonly ContainerRow[]): BulkPlan {
	const split = (action: ContainerAction, keep: (row: ContainerRow) => boolean, reason: string): BulkPlan => ({
		action,
		targets: rows.filter(keep),
		skipped: rows.filter(row => !keep(row)).map(row => ({row, reason})),
	});
	switch (command) {
		case 'start-stop': return rows.some(isRunning) ? split('stop', isRunning, 'not running') : split('start', () => true, '');
		case 'restart': return split('restart', () => true, '');
		// As s does: pause when any runs; else unpause the paused ones (stopped rows among the marks no longer block it).
		case 'pause': return rows.some(row => row.state === 'running') || !rows.some(row => row.state === 'paused')
			? split('pause', row => row.state === 'running', 'not running')
			: split('unpause', row => row.state === 'paused', 'not paused');
		case 'kill': return split('kill', isRunning, 'not running');
		case 'remove': return split('remove', () => true, '');
	}
}

/** How many names a confirmation lists before "and N more". */
export const namesShown = 3;

/** "a, b, c and 2 more": the first few names, sanitised, then how many are left. */
export function nameList(names: readonly string[], shown = namesShown): string {
	const safe = names.map(name => sanitizeText(name));
	if (safe.length <= shown) return safe.length <= 1 ? safe.join('') : `${safe.slice(0, -1).join(', ')} and ${safe.at(-1)}`;
	return `${safe.slice(0, shown).join(', ')} and ${safe.length - shown} more`;
}

const verbs: Record<ContainerAction, string> = {start: 'Start', stop: 'Stop', restart: 'Restart', pause: 'Pause', unpause: 'Unpause', kill: 'Kill', remove: 'Remove'};

const consequences: Record<ContainerAction, string> = {
	start: '',
	stop: ' Each gets SIGTERM, then SIGKILL after its stop timeout.',
	restart: ' Their processes stop and start again.',
	pause: ' Their processes freeze until unpaused.',
	unpause: ' Their processes run again.',
	kill: ' Each gets SIGKILL and no time to clean up.',
	remove: '',
};

/** The dialog's title for a plan. */
export function bulkTitle(plan: BulkPlan): string {
	return `${verbs[plan.action]} ${plural(plan.targets.length, 'container')}`;
}

/**
 * The one question a bulk action asks: how many, the first few by name then
 * "and N more", what the action does, and what is left alone.
 */
export function bulkQuestion(plan: BulkPlan): string {
	const {action, targets, skipped} = plan;
	const names = nameList(targets.map(row => row.name));
	let text = `${verbs[action]} ${plural(targets.length, 'container')}: ${names}?${consequences[action]}`;
	if (action === 'remove') {
		const running = targets.filter(isRunning).length;
		if (running > 0) text += ` ${running === targets.length && running > 1 ? 'All' : running} ${running === 1 ? 'is' : 'are'} running and will be killed first.`;
	}
	if (skipped.length > 0) text += ` ${nameList(skipped.map(each => each.row.name))} ${skipped.length === 1 ? 'is' : 'are'} ${skipped[0]?.reason ?? 'left alone'}: left alone.`;
	return text;
}

/** Anonymous volumes the targets mount in all (remove's second yes removes them too). */
export function anonymousVolumesOf(plan: BulkPlan): number {
	return plan.action === 'remove' ? plan.targets.reduce((sum, row) => sum + anonymousVolumeCount(row), 0) : 0;
}
