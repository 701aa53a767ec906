// Bundles the app into dist/app.cjs, and what it loads on demand into
// dist/later.cjs (scripts/bundle.mjs; it fails when a dependency patch no
// longer applies), and writes dist/porthole.js: the launcher
// (source/cli/launcher.ts), which checks the Node version and compiles the
// bundles with V8's code cache of the starts before.
import {chmodSync, readdirSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {bundleLauncher, bundleOrExit} from './bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
// An earlier build's ES module bundle and its chunks would ship beside the new one.
for (const name of readdirSafe(dist)) if (name === 'app.js' || /^chunk-[A-Z0-9]+\.js$/.test(name)) rmSync(join(dist, name));

await bundleOrExit({outfile: join(dist, 'app.cjs'), laterFile: join(dist, 'later.cjs')});

// Its first two lines are for sh, which runs it when it is run as a program
// (npm links it into a bin folder): they start the node on PATH, as
// `#!/usr/bin/env node` would, with what can only be set before Node starts
// (an `env -S` line would say it in one, but busybox's env, on Alpine, has
// no -S). Each is private memory saved (README, Performance):
// - one V8 helper thread: each helper kept a few MB of malloc arena;
// - glibc's malloc arenas capped at two, unless the user set the cap (glibc
//   reads it only as the process starts). The launcher takes ours out of the
//   environment again, so a shell, an editor or ssh started from Porthole
//   gets the user's own.
// Node skips the first line, and the second is a string and a comment to it.
// `node dist/porthole.js` skips sh, the flag and the cap altogether.
const sh = `#!/bin/sh
':' //; [ -n "\${MALLOC_ARENA_MAX+set}" ] || export MALLOC_ARENA_MAX=2 PORTHOLE_ARENA_CAP=1; exec node --v8-pool-size=1 "$0" "$@"`;
await bundleLauncher({outfile: join(dist, 'porthole.js'), bundleFile: join(dist, 'app.cjs'), laterFile: join(dist, 'later.cjs'), format: 'esm', banner: sh});
chmodSync(join(dist, 'porthole.js'), 0o755);

function readdirSafe(folder) {
	try {
		return readdirSync(folder);
	} catch {
		return [];
	}
}
