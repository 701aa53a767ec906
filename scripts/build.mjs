// Bundles cli.tsx into dist/app.js (scripts/bundle.mjs; it fails when a
// dependency patch no longer applies), and writes dist/porthole.js: a small
// launcher that checks the Node version and turns on Node's compile cache
// before loading the bundle, so later starts skip most parsing.
import {chmodSync, writeFileSync} from 'node:fs';
import {bundleOrExit} from './bundle.mjs';

await bundleOrExit({outfile: 'dist/app.js'});

// Its first two lines are for sh, which runs it when it is run as a program
// (npm links it into a bin folder): they start the node on PATH, as
// \`#!/usr/bin/env node\` would, with what can only be set before Node starts
// (an \`env -S\` line would say it in one, but busybox's env, on Alpine, has
// no -S). Each is private memory saved (README, Performance):
// - one V8 helper thread: each helper kept a few MB of malloc arena;
// - glibc's malloc arenas capped at two, unless the user set the cap (glibc
//   reads it only as the process starts). The bundle's first lines take ours
//   out of the environment again, so a shell, an editor or ssh started from
//   Porthole gets the user's own.
// Node skips the first line, and the second is a string and a comment to it.
// \`node dist/porthole.js\` skips sh, the flag and the cap altogether.
writeFileSync('dist/porthole.js', `#!/bin/sh
':' //; [ -n "\${MALLOC_ARENA_MAX+set}" ] || export MALLOC_ARENA_MAX=2 PORTHOLE_ARENA_CAP=1; exec node --v8-pool-size=1 "$0" "$@"
globalThis.__portholeLaunch = performance.now();
if (process.env.PORTHOLE_ARENA_CAP === '1') {
	delete process.env.MALLOC_ARENA_MAX;
	delete process.env.PORTHOLE_ARENA_CAP;
}
const [major, minor] = process.versions.node.split('.').map(Number);
// 22.3 brought process.getBuiltinModule, which loads https only for TLS hosts.
if (major < 22 || (major === 22 && minor < 3)) {
	process.stderr.write('porthole: needs Node 22.3 or newer (this is ' + process.version + ')\\n');
	process.exit(1);
}
// V8's flags (no Maglev, a small young generation) are set by the bundle once
// it has loaded (source/cli/v8-flags.ts): setting one here would make Node's
// code cache of its own modules useless for every one the bundle loads.
const module = await import('node:module');
module.enableCompileCache?.();
globalThis.__portholeImport = performance.now();
await import('./app.js');
`);
chmodSync('dist/porthole.js', 0o755);
