// The esbuild step shared by the npm build (scripts/build.mjs) and the single
// executable (scripts/build-sea.mjs): one bundle of cli.tsx with the plugins
// that keep start-up and frames cheap, and the dependency patches, which must
// all apply or the build fails.
import {build} from 'esbuild';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {patches, patchPlugin, seaPatches} from './build-patches.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// Ink loads React devtools only when DEV=true and the package is installed; the
// bundle must not import it statically, so its devtools module becomes empty.
const noDevtools = {
	name: 'no-devtools',
	setup(build) {
		build.onResolve({filter: /^\.\/devtools\.js$/}, () => ({path: 'devtools', namespace: 'empty'}));
		build.onLoad({filter: /.*/, namespace: 'empty'}, () => ({contents: 'export {};'}));
	},
};

// Some dependencies load heavy modules at start that we rarely or never use.
// Each of these exports one function, so the require moves inside it:
// - docker-modem's ssh agent loads ssh2, which at once instantiates a
//   WebAssembly module with 16 MB of memory (poly1305); only ssh:// needs it.
// - dockerode's BuildKit session loads gRPC (~20 ms at every start); we never build.
const lazyFunctionModules = [
	{importer: /docker-modem[\\/]lib[\\/]modem\.js$/, request: './ssh'},
	{importer: /dockerode[\\/]lib[\\/]docker\.js$/, request: './session'},
];
const lazyRequires = {
	name: 'lazy-requires',
	setup(build) {
		build.onResolve({filter: /^\.\/(ssh|session)$/}, args => {
			if (!lazyFunctionModules.some(lazy => lazy.request === args.path && lazy.importer.test(args.importer))) return undefined;
			return {path: join(args.resolveDir, `${args.path}.js`), namespace: 'lazy'};
		});
		build.onLoad({filter: /.*/, namespace: 'lazy'}, args => ({
			contents: `module.exports = function (...args) { return require(${JSON.stringify(args.path)})(...args); };`,
			resolveDir: dirname(args.path),
			loader: 'js',
		}));
	},
};

// docker-modem's own ssh agent (ssh2, with a 16 MB WebAssembly memory) is never
// used: ssh:// goes through the system ssh (source/engine/ssh-tunnel.ts) and
// dockerode sees a unix socket. The bundle leaves ssh2 out altogether.
const noModemSsh = {
	name: 'no-modem-ssh',
	setup(build) {
		build.onResolve({filter: /^\.\/ssh$/}, args => (/docker-modem[\\/]lib[\\/]modem\.js$/.test(args.importer) ? {path: 'modem-ssh', namespace: 'no-modem-ssh'} : undefined));
		build.onLoad({filter: /.*/, namespace: 'no-modem-ssh'}, () => ({
			contents: "module.exports = function () { throw new Error('ssh:// goes through the system ssh, not docker-modem'); };",
			loader: 'js',
		}));
	},
};

// Every string-width import (Ink's, cli-truncate's, ours) goes to
// source/format/string-width.ts, a cached wrapper with a fast path: Ink
// measures every line of every frame, and the real one was most of a
// frame's cost. Only the wrapper itself gets the real module.
const wrapper = join(root, 'source/format/string-width.ts');
const fastStringWidth = {
	name: 'fast-string-width',
	setup(build) {
		build.onResolve({filter: /^string-width$/}, args => (args.importer === wrapper ? undefined : {path: wrapper}));
	},
};

// CommonJS dependencies (dockerode, ssh2) expect require and __dirname; an ES
// module bundle has neither, so it makes them.
const esmBanner = [
	"import {createRequire as __createRequire} from 'node:module';",
	"import {fileURLToPath as __fileURLToPath} from 'node:url';",
	"import {dirname as __pathDirname} from 'node:path';",
	'const require = __createRequire(import.meta.url);',
	'const __filename = __fileURLToPath(import.meta.url);',
	'const __dirname = __pathDirname(__filename);',
].join(' ');

/**
 * Bundles `entry` into `outfile`. Writes nothing and throws the first
 * PatchError (its message is one line) when a dependency patch does not apply.
 * `format` is 'esm' for the npm CLI, 'cjs' for the single executable (which
 * also takes the SEA patches, and extra plugins in `plugins`); `nodePaths` lets a test bundle a copy of a
 * dependency from elsewhere.
 */
export async function bundle({entry = join(root, 'cli.tsx'), outfile, format = 'esm', plugins = [], nodePaths = []}) {
	const failures = [];
	const result = await build({
		entryPoints: [entry],
		outfile,
		absWorkingDir: root,
		bundle: true,
		write: false,
		platform: 'node',
		format,
		target: 'node22',
		jsx: 'automatic',
		minify: false,
		sourcemap: false,
		legalComments: 'none',
		external: ['cpu-features', '*.node'],
		nodePaths,
		plugins: [noDevtools, lazyRequires, noModemSsh, ...plugins, ...[...patches, ...(format === 'cjs' ? seaPatches : [])].map(patch => patchPlugin(patch, failures)), fastStringWidth],
		define: {'process.env.NODE_ENV': '"production"', PORTHOLE_VERSION: JSON.stringify(pkg.version)},
		...(format === 'esm' ? {banner: {js: esmBanner}} : {}),
		logLevel: 'warning',
	});
	if (failures.length > 0) throw failures[0];
	for (const file of result.outputFiles) {
		mkdirSync(dirname(file.path), {recursive: true});
		writeFileSync(file.path, file.contents);
	}
}

/** Runs `bundle`; on a patch that does not apply, prints its one line and exits 1. */
export async function bundleOrExit(options) {
	try {
		await bundle(options);
	} catch (error) {
		if (error?.name !== 'PatchError') throw error;
		process.stderr.write(`${error.message}\n`);
		process.exit(1);
	}
}
