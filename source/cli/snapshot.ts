import {isCrashLooping, isLive, wasOomKilled, type ContainerRow} from '../domain/container.js';
import {eachLimited} from '../domain/each-limited.js';
import {setTimeout as delay} from 'node:timers/promises';
import {computeSample, cpuBase, hasPreviousReading} from '../domain/stats-calc.js';
import type {StatsSample} from '../domain/stats.js';
import type {Engine} from '../engine/engine.js';
import {formatBytes, formatPercent} from '../format/bytes.js';
import {formatPorts} from '../format/ports.js';
import {sanitizeText} from '../format/sanitize.js';
import {formatState} from '../format/status.js';
import {fit} from '../format/text.js';

/** A container with its one-shot stats, for scripts and pipes. */
export type SnapshotRow = {row: ContainerRow; stats?: StatsSample};

/** How one host fared in a snapshot of several: `down` with the reason when it could not be read. */
export type SnapshotHost = {name: string; target: string; status: 'up' | 'down'; error?: string};

/** Lists every container and takes one stats frame of each live one, a few at a time. */
export async function takeSnapshot(engine: Engine): Promise<SnapshotRow[]> {
	const listed = await engine.listContainers();
	const result: SnapshotRow[] = [];
	await eachLimited(listed, 16, async summary => {
		const row = await engine.inspectContainer(summary.id);
		if (!row) return; // Removed since the list.
		const item: SnapshotRow = {row};
		result.push(item);
		if (!isLive(row.state)) return;
		try {
			item.stats = await sampleOnce(engine, row.id);
		} catch {
			// It stopped between the inspect and the stats call: it simply has none.
		}
	});
	return result.sort((a, b) => a.row.name.localeCompare(b.row.name));
}

/** How long apart two readings are when the engine gave no previous one: as long as Docker waits for its own second reading. */
const secondReadingMs = 1000;

/**
 * One stats sample with a CPU figure. Docker's non-streaming stats wait for a
 * second reading and fill precpu; Podman answers at once with an empty
 * precpu, so then a second reading is taken a second later and compared
 * with the first (otherwise every container would read 0 %).
 */
async function sampleOnce(engine: Engine, id: string): Promise<StatsSample> {
	const first = await engine.statsOnce(id);
	if (hasPreviousReading(first)) return computeSample(first);
	await delay(secondReadingMs);
	return computeSample(await engine.statsOnce(id), cpuBase(first));
}

/** The plain table `--once` and pipes get: name, image, state, CPU, memory, ports; HOST first when `hosts` (several) is given. No escapes. */
export function snapshotTable(rows: SnapshotRow[], now: number, hosts?: readonly SnapshotHost[]): string {
	const header = ['NAME', 'IMAGE', 'STATE', 'CPU', 'MEM', 'PORTS'];
	if (hosts) header.unshift('HOST');
	const lines = rows.map(({row, stats}) => [
		...(hosts ? [sanitizeText(row.host ?? '')] : []),
		sanitizeText(row.name),
		sanitizeText(row.image),
		formatState(row, now),
		stats ? formatPercent(stats.cpuPercent) : '-',
		stats ? formatBytes(stats.memoryUsage) : '-',
		sanitizeText(formatPorts(row.ports)) || '-',
	]);
	const widths = header.map((title, index) => Math.min(40, Math.max(title.length, ...lines.map(line => (line[index] ?? '').length))));
	const render = (cells: string[]) => cells.map((cell, index) => index === cells.length - 1 ? cell : fit(cell, widths[index] ?? 0)).join('  ').trimEnd();
	const down = (hosts ?? []).filter(host => host.status === 'down').map(host => `${sanitizeText(host.name)}: down: ${sanitizeText(host.error ?? '')}`);
	return [render(header), ...lines.map(render), ...down].join('\n') + '\n';
}

/**
 * The `--json` document: one object with the engine and every container.
 * Labels are given as the engine has them, secret-looking ones included: this
 * is data for scripts, like `docker inspect`; only the screen masks them.
 * With several hosts (`hosts` given), `engine` lists their targets, a `hosts`
 * array says how each fared, and each container names its `host`.
 */
export function snapshotJson(rows: SnapshotRow[], engine: string, hosts?: readonly SnapshotHost[], now = Date.now()): string {
	return JSON.stringify({
		engine,
		...(hosts ? {hosts: hosts.map(host => ({name: host.name, target: host.target, status: host.status, error: host.error ?? null}))} : {}),
		containers: rows.map(({row, stats}) => ({
			...(hosts ? {host: row.host ?? null} : {}),
			id: row.id,
			name: row.name,
			image: row.image,
			state: row.state,
			health: row.health ?? null,
			exitCode: row.exitCode,
			startedAt: row.startedAt ? new Date(row.startedAt).toISOString() : null,
			finishedAt: row.finishedAt ? new Date(row.finishedAt).toISOString() : null,
			oomKilled: wasOomKilled(row),
			crashLoop: isCrashLooping(row, now),
			composeProject: row.composeProject ?? null,
			ports: row.ports,
			restartCount: row.restartCount,
			labels: row.labels,
			stats: stats ?? null,
		})),
	}, null, 2) + '\n';
}
