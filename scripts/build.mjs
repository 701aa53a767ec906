// Bundles cli.tsx into dist/app.js, and writes dist/porthole.js: a small
// launcher that checks the Node version and turns on Node's compile cache
// before loading the bundle, so later starts skip most parsing.
import {build} from 'esbuild';
import {chmodSync, readFileSync, writeFileSync} from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Ink loads React devtools only when DEV=true and the package is installed; the
// bundle must not import it statically, so its devtools module becomes empty.
const noDevtools = {
	name: 'no-devtools',
	setup(build) {
		build.onResolve({filter: /^\.\/devtools\.js$/}, () => ({path: 'devtools', namespace: 'empty'}));
		build.onLoad({filter: /.*/, namespace: 'empty'}, () => ({contents: 'export {};'}));
	},
};

await build({
	entryPoints: ['cli.tsx'],
	outfile: 'dist/app.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	jsx: 'automatic',
	minify: false,
	sourcemap: false,
	legalComments: 'none',
	external: ['cpu-features', '*.node'],
	plugins: [noDevtools],
	define: {'process.env.NODE_ENV': '"production"', PORTHOLE_VERSION: JSON.stringify(pkg.version)},
	// CommonJS dependencies (dockerode, ssh2) expect require and __dirname.
	banner: {js: [
		"import {createRequire as __createRequire} from 'node:module';",
		"import {fileURLToPath as __fileURLToPath} from 'node:url';",
		"import {dirname as __pathDirname} from 'node:path';",
		'const require = __createRequire(import.meta.url);',
		'const __filename = __fileURLToPath(import.meta.url);',
		'const __dirname = __pathDirname(__filename);',
	].join(' ')},
	logLevel: 'warning',
});

writeFileSync('dist/porthole.js', `#!/usr/bin/env node
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
	process.stderr.write('porthole: needs Node 22 or newer (this is ' + process.version + ')\\n');
	process.exit(1);
}
const module = await import('node:module');
module.enableCompileCache?.();
await import('./app.js');
`);
chmodSync('dist/porthole.js', 0o755);
