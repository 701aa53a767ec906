// Bundles cli.tsx into dist/app.js (scripts/bundle.mjs; it fails when a
// dependency patch no longer applies), and writes dist/porthole.js: a small
// launcher that checks the Node version and turns on Node's compile cache
// before loading the bundle, so later starts skip most parsing.
import {chmodSync, writeFileSync} from 'node:fs';
import {bundleOrExit} from './bundle.mjs';

await bundleOrExit({outfile: 'dist/app.js'});

writeFileSync('dist/porthole.js', `#!/usr/bin/env node
globalThis.__portholeLaunch = performance.now();
const [major, minor] = process.versions.node.split('.').map(Number);
// 22.3 brought process.getBuiltinModule, which loads https only for TLS hosts.
if (major < 22 || (major === 22 && minor < 3)) {
	process.stderr.write('porthole: needs Node 22.3 or newer (this is ' + process.version + ')\\n');
	process.exit(1);
}
// Keep the young generation small: V8 grows it to 32 MB or more on a busy
// heap, which is most of our RSS, to save a few scavenges a second.
const v8 = await import('node:v8');
v8.setFlagsFromString('--semi-space-growth-factor=1');
const module = await import('node:module');
module.enableCompileCache?.();
globalThis.__portholeImport = performance.now();
await import('./app.js');
`);
chmodSync('dist/porthole.js', 0o755);
