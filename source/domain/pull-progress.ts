/** One JSON message of the engine's pull stream (`POST /images/create`), or of a push (`POST /images/{name}/push`), which has the same shape. */
export type PullMessage = {
	status?: string;
	id?: string;
	progressDetail?: {current?: number; total?: number};
	error?: string;
	errorDetail?: {message?: string};
};

/** Where one layer stands. */
export type LayerPhase = 'waiting' | 'downloading' | 'downloaded' | 'extracting' | 'uploading' | 'done' | 'exists';

/** One layer's progress. `current`/`total` are bytes of the current phase. */
export type LayerProgress = {id: string; phase: LayerPhase; current: number; total: number};

/** What moves: an image from or to a registry, or a tar to or from a file. */
export type TransferKind = 'pull' | 'push' | 'save' | 'load';

/** A pull as it stands: its layers in order of first mention, and how it ended. */
export type PullProgress = {
	reference: string;
	/** A pull (the default), a push, or the bytes of a save or load: the same bars, other words. */
	kind?: TransferKind;
	layers: LayerProgress[];
	/** The engine's last status line without a layer ("Digest: …", "Status: …"). */
	status: string;
	state: 'running' | 'done' | 'failed' | 'cancelled';
	error?: string;
	/** Progress messages received; tests and the summary count them. */
	messages: number;
};

/** Layers a pull tracks at most: real images have well under a hundred; a hostile stream cannot grow this. */
export const maxLayers = 256;

/** A new pull of `reference`, before the engine has answered. */
export function startPull(reference: string, kind: TransferKind = 'pull'): PullProgress {
	return {reference, kind, layers: [], status: 'starting…', state: 'running', messages: 0};
}

const phases: Array<[RegExp, LayerPhase]> = [
	[/^(pulling fs layer|waiting)/i, 'waiting'],
	[/^downloading/i, 'downloading'],
	[/^(verifying checksum|download complete)/i, 'downloaded'],
	[/^extracting/i, 'extracting'],
	[/^pull complete/i, 'done'],
	[/^already exists/i, 'exists'],
	// A push's words for the same steps.
	[/^preparing/i, 'waiting'],
	[/^pushing/i, 'uploading'],
	[/^pushed/i, 'done'],
	[/^(layer already exists|mounted from)/i, 'exists'],
];

/**
 * Applies one message of the pull stream. Layer messages move that layer's
 * phase and bytes; messages without a layer become the status line; an
 * `error` message ends the pull as failed. Pure; returns a new object.
 */
export function applyPullMessage(progress: PullProgress, message: PullMessage): PullProgress {
	const messages = progress.messages + 1;
	if (message.error || message.errorDetail?.message) {
		return {...progress, messages, state: 'failed', error: message.errorDetail?.message ?? message.error ?? `${progress.kind ?? 'pull'} failed`};
	}
	const status = String(message.status ?? '');
	const phase = phases.find(([pattern]) => pattern.test(status))?.[1];
	if (!message.id || !phase) return {...progress, messages, status: status || progress.status};
	const index = progress.layers.findIndex(layer => layer.id === message.id);
	const known = index === -1 ? undefined : progress.layers[index];
	if (!known && progress.layers.length >= maxLayers) return {...progress, messages};
	const detail = message.progressDetail ?? {};
	const total = Number.isFinite(detail.total) && (detail.total ?? 0) > 0 ? detail.total! : (known?.total ?? 0);
	const current = phase === 'downloading' || phase === 'extracting' || phase === 'uploading'
		? Math.min(Number.isFinite(detail.current) ? Math.max(0, detail.current!) : 0, total || Infinity)
		: phase === 'waiting' ? 0 : total;
	const layer: LayerProgress = {id: message.id, phase, current, total};
	const layers = index === -1 ? [...progress.layers, layer] : progress.layers.map((old, i) => (i === index ? layer : old));
	return {...progress, messages, layers};
}

/** Marks the pull finished: done when the stream ended cleanly, unless it already failed. */
export function finishPull(progress: PullProgress, state: 'done' | 'cancelled' | 'failed', error?: string): PullProgress {
	if (progress.state === 'failed') return progress;
	return {...progress, state, ...(error ? {error} : {})};
}

/**
 * The fraction (0 to 1) of the whole pull, counting each layer's download as
 * half and its extraction as the other half, so the total bar never runs
 * backwards when a layer moves from downloading to extracting. Layers that
 * already exist count as complete. 1 when the pull is done.
 */
export function pullFraction(progress: PullProgress): number {
	if (progress.state === 'done') return 1;
	if (progress.layers.length === 0) return 0;
	const sum = progress.layers.reduce((total, layer) => total + layerFraction(layer), 0);
	return sum / progress.layers.length;
}

/** One layer's fraction on the same scale as `pullFraction`. */
export function layerFraction(layer: LayerProgress): number {
	const part = layer.total > 0 ? Math.min(1, layer.current / layer.total) : 0;
	switch (layer.phase) {
		case 'waiting': return 0;
		case 'downloading': return part / 2;
		case 'downloaded': return 0.5;
		case 'extracting': return 0.5 + part / 2;
		// A push has one step per layer, so its bytes are the whole of it.
		case 'uploading': return part;
		case 'done':
		case 'exists': return 1;
	}
}
