import {layerFraction, pullFraction, type LayerProgress, type PullProgress, type TransferKind} from '../domain/pull-progress.js';
import {formatSize} from './resource-text.js';
import {sanitizeText} from './sanitize.js';
import {fit} from './text.js';

/** A bar of `width` cells filled to `fraction` (clamped to 0..1), with eighth-block precision. */
export function progressBar(fraction: number, width: number): string {
	if (!(width > 0)) return '';
	const clamped = Number.isFinite(fraction) ? Math.max(0, Math.min(1, fraction)) : 0;
	const eighths = Math.round(clamped * width * 8);
	const full = Math.floor(eighths / 8);
	const partial = eighths % 8;
	const parts = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
	const body = '█'.repeat(full) + (partial > 0 ? parts[partial] : '');
	return body + '░'.repeat(Math.max(0, width - [...body].length));
}

const phaseWords: Record<LayerProgress['phase'], string> = {
	waiting: 'waiting',
	downloading: 'downloading',
	downloaded: 'downloaded',
	extracting: 'extracting',
	uploading: 'pushing',
	done: 'pull complete',
	exists: 'already exists',
};

const transferringWord: Record<TransferKind, string> = {pull: 'pulling', push: 'pushing', save: 'saving', load: 'loading'};
const doneWord: Record<TransferKind, string> = {pull: 'pulled', push: 'pushed', save: 'saved', load: 'loaded'};

/** One layer's line: short ID, phase, bar and bytes, fitted to `width`. */
export function layerLine(layer: LayerProgress, width: number, kind: TransferKind = 'pull'): string {
	const id = fit(sanitizeText(layer.id).slice(0, 12), 12);
	const phase = fit(layer.phase === 'done' && kind !== 'pull' ? doneWord[kind] : layer.phase === 'uploading' ? transferringWord[kind] : phaseWords[layer.phase], 14);
	const bytes = layer.total > 0 && (layer.phase === 'downloading' || layer.phase === 'extracting' || layer.phase === 'uploading')
		? `${formatSize(layer.current)}/${formatSize(layer.total)}`
		: layer.total > 0 ? formatSize(layer.total) : '';
	const barWidth = Math.max(0, Math.min(30, width - 12 - 14 - 19 - 3));
	return fit(`${id} ${phase} ${progressBar(layerFraction(layer), barWidth)} ${bytes}`, width);
}

/** The headline of a pull: its reference, state and the total bar with a percentage. */
export function pullHeadline(progress: PullProgress, width: number): string {
	const percent = `${Math.floor(pullFraction(progress) * 100)}%`;
	const kind = progress.kind ?? 'pull';
	const state = progress.state === 'running' ? transferringWord[kind] : progress.state === 'done' ? doneWord[kind] : progress.state;
	const lead = `${state} ${sanitizeText(progress.reference)} `;
	const barWidth = Math.max(0, Math.min(40, width - lead.length - percent.length - 2));
	return fit(`${lead}${progressBar(pullFraction(progress), barWidth)} ${percent}`, width);
}
