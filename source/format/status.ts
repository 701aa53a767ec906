/**
 * The state cell of the containers table and its colour.
 */

import {isCrashLooping, wasOomKilled, type ContainerRow} from '../domain/container.js';
import {formatAgo} from './duration.js';
import {plural} from './plural.js';

const SEPARATOR = ' · ';

/**
 * How long ago, for a table cell: the first minute reads "<1m ago" rather
 * than counting seconds, so a fresh or just-stopped container does not redraw
 * its row every second (over SSH every byte counts).
 */
function cellAgo(epochMs: number, now: number): string {
	return now - epochMs < 60_000 ? '<1m ago' : formatAgo(epochMs, now);
}

/**
 * Formats state with health, exit code and uptime: "running · 5m",
 * "running (healthy) · 2h", "paused", "exited (137) · 3m ago", "created",
 * "running · <1m" in the first minute,
 * "restarting", "removing", "dead". Health is shown for running containers
 * only; the time part is left out when the engine gave no timestamp.
 */
export function formatState(row: ContainerRow, now: number): string {
	switch (row.state) {
		case 'running': {
			const marks = [row.health, isCrashLooping(row, now) ? 'crash loop' : undefined].filter(Boolean);
			const health = marks.length === 0 ? '' : ` (${marks.join(', ')})`;
			// One unit, like `docker ps`: "1m7s" would redraw every running row every second.
			const uptime = row.startedAt > 0 ? `${SEPARATOR}${cellAgo(row.startedAt, now).replace(/ ago$/, '')}` : '';
			return `running${health}${uptime}`;
		}

		case 'exited': {
			const ago = row.finishedAt > 0 ? `${SEPARATOR}${cellAgo(row.finishedAt, now)}` : '';
			// `docker ps` says "Exited (137)" for any kill; the OOM flag says which kill it was.
			return `${wasOomKilled(row) ? 'OOMKilled' : 'exited'} (${row.exitCode})${ago}`;
		}

		case 'restarting': {
			const marks = [wasOomKilled(row) ? 'OOMKilled' : undefined, isCrashLooping(row, now) ? 'crash loop' : undefined].filter(Boolean);
			return marks.length === 0 ? 'restarting' : `restarting (${marks.join(', ')})`;
		}

		case 'dead': {
			return wasOomKilled(row) ? 'dead (OOMKilled)' : 'dead';
		}

		default: {
			return row.state;
		}
	}
}

/**
 * The detail area's account of how the last run ended and whether it loops,
 * e.g. "OOMKilled: over its memory limit (exit 137) · 3m ago · crash loop, 6
 * restarts"; undefined for a container that never finished or restarted.
 */
export function formatLastExit(row: ContainerRow, now: number): string | undefined {
	const parts: string[] = [];
	if (row.state !== 'running' && row.state !== 'paused' && row.finishedAt > 0) {
		parts.push(wasOomKilled(row) ? `OOMKilled: over its memory limit (exit ${row.exitCode})` : `exit ${row.exitCode}`);
		parts.push(formatAgo(row.finishedAt, now));
	}
	if (isCrashLooping(row, now)) parts.push(`crash loop, ${plural(row.restartCount, 'restart')}`);
	else if (row.restartCount > 0) parts.push(plural(row.restartCount, 'restart'));
	return parts.length > 0 ? parts.join(SEPARATOR) : undefined;
}

/**
 * When the state cell's text will next change by itself (its "<1m", "5m",
 * "3h" moving on), in epoch milliseconds; undefined when it shows no time.
 * The pane redraws then, so a screen where nothing else happens stays true.
 */
export function nextStateChange(row: ContainerRow, now: number): number | undefined {
	const since = row.state === 'running' ? row.startedAt : row.state === 'exited' ? row.finishedAt : 0;
	if (since <= 0 || !Number.isFinite(since)) return undefined;
	const age = Math.max(0, now - since);
	const unit = age >= 86_400_000 ? 86_400_000 : age >= 3_600_000 ? 3_600_000 : 60_000;
	return since + (Math.floor(age / unit) + 1) * unit;
}

/**
 * The Ink colour name for a row's state: green when running and not failing
 * its health check, yellow for paused, restarting, removing and health
 * "starting", red for unhealthy, dead and non-zero exits, gray for clean
 * exits and created. Undefined (the default colour) for a state we do not know.
 */
export function stateColor(row: ContainerRow): string | undefined {
	switch (row.state) {
		case 'running': {
			if (row.health === 'unhealthy') {
				return 'red';
			}

			return row.health === 'starting' ? 'yellow' : 'green';
		}

		case 'restarting': {
			return row.restartCount > 0 || wasOomKilled(row) ? 'red' : 'yellow';
		}

		case 'paused':
		case 'removing': {
			return 'yellow';
		}

		case 'exited': {
			return row.exitCode === 0 ? 'gray' : 'red';
		}

		case 'dead': {
			return 'red';
		}

		case 'created': {
			return 'gray';
		}

		default: {
			return undefined;
		}
	}
}
