// Types of scripts/build-patches.mjs, for the tests that import it.
import type {Plugin} from 'esbuild';

export type Patch = {name: string; filter: RegExp; edits: Array<[string, string]>; why: string};
export class PatchError extends Error {
	readonly patch: string;
	readonly path: string;
}
export function applyPatch(patch: Patch, path: string, source: string): string;
export function patchPlugin(patch: Patch, failures: PatchError[]): Plugin;
export const yogaWithoutFetch: Patch;
export const inkFrameCaches: Patch;
export const inkMouseReports: Patch;
export const inkCellUpdate: Patch;
export const inkSanitizeFastPath: Patch;
export const inkTextWidth: Patch;
export const lazySegmenters: Patch[];
export const modemLazyHttps: Patch;
export const modemQuietDebug: Patch;
export const dockerodeLazyTar: Patch;
export const patches: Patch[];
export const inkNoTopLevelAwait: Patch;
export const signalExitNoAssert: Patch;
export const esbuildToESMOnce: Patch;
