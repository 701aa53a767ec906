/** The engines Porthole tells apart; Docker is the default and goes unnamed. */
export type EngineProduct = 'Podman';

type VersionLike = {
	Components?: Array<{Name?: unknown}> | null;
	Platform?: {Name?: unknown} | null;
};

/**
 * Which engine answered `/version`: Podman's Docker-compatible API names a
 * "Podman Engine" component (and its platform); Docker's names "Engine".
 * Undefined for Docker and for anything unrecognised.
 */
export function engineProduct(version: unknown): EngineProduct | undefined {
	if (!version || typeof version !== 'object') return undefined;
	const {Components, Platform} = version as VersionLike;
	const names = [...(Array.isArray(Components) ? Components.map(component => component?.Name) : []), Platform?.Name];
	return names.some(name => typeof name === 'string' && /\bpodman\b/i.test(name)) ? 'Podman' : undefined;
}
