import {hasDrift, type ProjectDrift} from '../domain/compose-file.js';
import type {ContainerRow} from '../domain/container.js';
import type {StatsEntry} from '../store/state.js';
import {formatBytes, formatPercent} from './bytes.js';
import type {Cell, Column} from './table-cells.js';
import {sanitizeText} from './sanitize.js';
import stringWidth from './string-width.js';
import {fit} from './text.js';

/** A project's figures at a glance. */
export type ProjectTotals = {total: number; running: number; unhealthy: number; starting: number; healthy: number; cpu?: number; memory?: number};

/** Sums a project's containers: running of total, health counts, and CPU and memory of those with stats. */
export function projectTotals(rows: readonly ContainerRow[], stats: ReadonlyMap<string, StatsEntry>): ProjectTotals {
	const totals: ProjectTotals = {total: rows.length, running: 0, unhealthy: 0, starting: 0, healthy: 0};
	for (const row of rows) {
		if (row.state === 'running') totals.running++;
		if (row.health === 'unhealthy') totals.unhealthy++;
		if (row.health === 'starting') totals.starting++;
		if (row.health === 'healthy') totals.healthy++;
		const latest = stats.get(row.id)?.latest;
		if (latest) {
			totals.cpu = (totals.cpu ?? 0) + latest.cpuPercent;
			totals.memory = (totals.memory ?? 0) + latest.memoryUsage;
		}
	}
	return totals;
}

/** "2/3 running · 1 unhealthy": the state cell of a project's header, red when something is wrong, yellow when partly up. */
export function projectState(totals: ProjectTotals): Cell {
	const parts = [`${totals.running}/${totals.total} running`];
	if (totals.unhealthy > 0) parts.push(`${totals.unhealthy} unhealthy`);
	if (totals.starting > 0) parts.push(`${totals.starting} starting`);
	if (totals.unhealthy === 0 && totals.starting === 0 && totals.healthy > 0) parts.push('healthy');
	const color = totals.unhealthy > 0 ? 'red' : totals.running === totals.total ? 'green' : totals.running === 0 ? 'gray' : 'yellow';
	return {text: parts.join(' · '), color};
}

/** What a header row adds when the project's containers no longer match its files. */
export const driftMark = ' · drift';

/**
 * The cells of a project's header row: ▾/▸, its name, and "· drift" when its
 * containers no longer match its compose files (the name gives way, never
 * the mark); the state summary, CPU and memory totals; other columns blank.
 */
export function projectCells(columns: readonly Column[], name: string, totals: ProjectTotals, folded: boolean, drift?: ProjectDrift): Cell[] {
	return columns.map(column => {
		switch (column.key) {
			case 'name': {
				const tail = ` (${totals.total})${drift?.kind === 'read' && hasDrift(drift.drift) ? driftMark : ''}`;
				const shown = sanitizeText(name);
				const room = column.width - 2 - stringWidth(tail);
				return {text: `${folded ? '▸' : '▾'} ${stringWidth(shown) <= room || room < 4 ? shown : fit(shown, room).trimEnd()}${tail}`, color: 'cyan'};
			}
			case 'state': return projectState(totals);
			case 'cpu': return totals.cpu === undefined ? {text: ''} : {text: formatPercent(totals.cpu), color: 'cyan'};
			case 'memory': return totals.memory === undefined ? {text: ''} : {text: formatBytes(totals.memory), color: 'cyan'};
			default: return {text: ''};
		}
	});
}

const names = (services: readonly string[]) => services.map(sanitizeText).join(', ');

/**
 * A project against its compose files, in words, most telling first: the
 * drift (services in the files with no container; containers of services the
 * files no longer have), that they match, that the files cannot be read here
 * and why, or that they are being read.
 */
export function driftLines(drift: ProjectDrift): string[] {
	switch (drift.kind) {
		case 'unknown': return ['reading its compose files…'];
		case 'unreadable': return [`compose files cannot be read here, so drift is not judged: ${sanitizeText(drift.error)}`];
		case 'read': {
			const {missing, extra} = drift.drift;
			if (!hasDrift(drift.drift)) return [`matches its compose files: ${drift.services.length} service${drift.services.length === 1 ? '' : 's'} (${names(drift.services)})`];
			return [
				...(missing.length > 0 ? [`drift: in the files, no container: ${names(missing)}`] : []),
				...(extra.length > 0 ? [`drift: containers of services not in the files: ${names(extra)}`] : []),
			];
		}
	}
}

/** A container's cells under a project header, its name indented. */
export function indentCells(columns: readonly Column[], cells: Cell[]): Cell[] {
	return columns.map((column, index) => {
		const cell = cells[index] ?? {text: ''};
		return column.key === 'name' ? {...cell, text: `  ${cell.text}`} : cell;
	});
}
