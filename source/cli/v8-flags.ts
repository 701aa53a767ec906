/*
 * V8 settings for a long-running Porthole, set once the bundle has loaded.
 *
 * Not earlier: V8 takes a code cache only under the flags that made it, and
 * Node's own cache of its built-in modules was made under none, so changing
 * any flag first made every built-in the bundle loads compile from source
 * (http, net, tty, child_process and the rest: about 10 ms of each start).
 * By the time main() runs they are loaded; the few loaded later compile once
 * on first use. Not later either: the young generation grows while it is
 * allowed to, and does not shrink back.
 */

const flags: ReadonlyArray<readonly [set: string, atStart: string]> = [
	// V8 grows the young generation to 32 MB or more on a busy heap, which is
	// most of our RSS, to save a few scavenges a second.
	['--semi-space-growth-factor=1', '--semi-space-growth-factor=2'],
	// Maglev, V8's middle compiler: its compiles left 6 to 16 MB of the malloc
	// heap behind, and a steady minute took less CPU without it. Set here, not
	// on node's command line: a Node too old to know the flag (Ubuntu 22.04's
	// is 12) would stop at it with "bad option" instead of saying which Node
	// Porthole needs.
	['--no-maglev', '--maglev'],
];

/** Keeps the young generation small, and turns Maglev off (README, Performance); returns the flags it set. */
export function tuneV8(): readonly string[] {
	const v8 = process.getBuiltinModule('node:v8');
	for (const [flag] of flags) v8.setFlagsFromString(flag);
	return flags.map(([flag]) => flag);
}

/**
 * Runs `make` under V8's flags as they were when the process started (each
 * of ours back to V8's default), then sets ours again. A code cache carries a
 * hash of the flags it was made under, and the next start, which checks it
 * before main() runs, has only those (cli/code-cache.ts).
 */
export function underStartFlags<T>(make: () => T): T {
	const v8 = process.getBuiltinModule('node:v8');
	for (const [, atStart] of flags) v8.setFlagsFromString(atStart);
	try {
		return make();
	} finally {
		for (const [flag] of flags) v8.setFlagsFromString(flag);
	}
}
