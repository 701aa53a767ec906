/**
 * Keeps two of Node's deprecation warnings off stderr. docker-modem builds every
 * tcp:// and https:// request with `url.parse()` (DEP0169), and ssh:// targets
 * add DEP0170; Node would print them on each run, where our rule is one line of
 * our own and nothing else (and `--json 2>&1` must stay JSON). Every other
 * warning still reaches stderr as usual.
 */

/** The deprecations a dependency raises on our behalf, which the user can do nothing about. */
export const silencedWarnings = new Set(['DEP0169', 'DEP0170']);

/** The code of a process.emitWarning call, in either of its two signatures. */
export function warningCode(warning: unknown, typeOrOptions: unknown, code: unknown): string | undefined {
	if (typeOrOptions && typeof typeOrOptions === 'object' && 'code' in typeOrOptions) return String(typeOrOptions.code);
	if (typeof code === 'string') return code;
	if (warning && typeof warning === 'object' && 'code' in warning) return String(warning.code);
	return undefined;
}

/** Wraps process.emitWarning so the silenced codes are dropped; call once, before any engine request. */
export function quietDependencyWarnings(): void {
	const emit = process.emitWarning.bind(process) as (...args: unknown[]) => void;
	process.emitWarning = ((warning: unknown, typeOrOptions?: unknown, code?: unknown, ...rest: unknown[]) => {
		const found = warningCode(warning, typeOrOptions, code);
		if (found && silencedWarnings.has(found)) return;
		emit(warning, typeOrOptions, code, ...rest);
	}) as typeof process.emitWarning;
}
