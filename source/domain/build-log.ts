/** One JSON message of the engine's build stream (`POST /build`). */
export type BuildMessage = {stream?: string; status?: string; aux?: {ID?: string}; error?: string; errorDetail?: {message?: string}};

/** A build as it stands: its log lines, the step it is on, and how it ended. */
export type BuildProgress = {
	/** Raw lines (the caller sanitises before they reach the store); at most `maxBuildLines`, oldest dropped. */
	lines: string[];
	/** Lines dropped from the front to stay bounded. */
	dropped: number;
	/** The last "Step N/M : …" line. */
	step?: string;
	/** Steps answered from the cache. */
	cached: number;
	/** The built image's ID, from the `aux` message. */
	imageId?: string;
	state: 'running' | 'done' | 'failed' | 'cancelled';
	error?: string;
	/** Text of a line not yet ended by a newline. */
	partial: string;
};

/** Lines a build keeps; a build that prints more keeps the newest. */
export const maxBuildLines = 10_000;

/** A build before the engine has answered. */
export function startBuild(): BuildProgress {
	return {lines: [], dropped: 0, cached: 0, state: 'running', partial: ''};
}

function pushLines(progress: BuildProgress, text: string): Pick<BuildProgress, 'lines' | 'dropped' | 'partial' | 'step' | 'cached'> {
	const parts = (progress.partial + text).split('\n');
	const partial = parts.pop() ?? '';
	let {step, cached} = progress;
	for (const line of parts) {
		if (/^Step \d+\/\d+ : /.test(line)) step = line;
		if (/^ ---> Using cache$/.test(line)) cached++;
	}
	const all = [...progress.lines, ...parts];
	const over = Math.max(0, all.length - maxBuildLines);
	return {lines: over > 0 ? all.slice(over) : all, dropped: progress.dropped + over, partial, step, cached};
}

/** Applies one build message: text goes to the log, `aux.ID` names the image, an error ends the build. Pure. */
export function applyBuildMessage(progress: BuildProgress, message: BuildMessage): BuildProgress {
	const error = message.errorDetail?.message ?? message.error;
	if (error) {
		const flushed = pushLines(progress, `${progress.partial ? '\n' : ''}${error}\n`);
		return {...progress, ...flushed, state: 'failed', error};
	}
	const imageId = message.aux?.ID ?? progress.imageId;
	const text = message.stream ?? (message.status ? `${message.status}\n` : '');
	return {...progress, ...pushLines(progress, text), imageId};
}

/** Ends a build: the pending partial line is kept, and a failure already recorded stays. */
export function finishBuild(progress: BuildProgress, state: 'done' | 'cancelled' | 'failed', error?: string): BuildProgress {
	const flushed = progress.partial ? {...progress, ...pushLines(progress, '\n')} : progress;
	if (flushed.state === 'failed') return flushed;
	return {...flushed, state, ...(error ? {error} : {})};
}

/** The status bar's words for a failed build: the step it failed at and the engine's error, on one line. */
export function buildFailureText(progress: BuildProgress): string {
	const error = (progress.error ?? 'build failed').split('\n')[0]!.trim();
	return progress.step ? `build failed at ${progress.step.trim()}: ${error}` : `build failed: ${error}`;
}
