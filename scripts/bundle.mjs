// The esbuild step shared by the npm build (scripts/build.mjs) and the single
// executable (scripts/build-sea.mjs): one CommonJS bundle of the app
// (scripts/app-entry.mjs, which loads cli.tsx) with the plugins that keep
// start-up and frames cheap, and the dependency patches, which must all apply
// or the build fails.
import {build, formatMessages} from 'esbuild';
import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {applyPatch, esbuildToESMOnce, patches, patchPlugin} from './build-patches.mjs';

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

// Modules of our dependencies that Porthole never calls are left out of the
// bundle, each replaced by a function that throws, so their code is neither
// read nor parsed at start (an earlier version kept them behind a lazy
// require, which still put 1.5 MB of unused source in the bundle):
// - docker-modem's ssh agent (ssh2, with a 16 MB WebAssembly memory):
//   ssh:// goes through the system ssh (source/engine/ssh-tunnel.ts) and
//   dockerode sees a unix socket;
// - dockerode's BuildKit session and progress reader (gRPC and protobufjs):
//   builds use the classic builder (source/engine/build-api.ts never asks for
//   version 2) and follow their own progress.
const unbundled = [
	{importer: /docker-modem[\\/]lib[\\/]modem\.js$/, request: './ssh', why: 'ssh:// goes through the system ssh, not docker-modem'},
	{importer: /dockerode[\\/]lib[\\/]docker\.js$/, request: './session', why: 'BuildKit sessions are not bundled; builds use the classic builder'},
	{importer: /dockerode[\\/]lib[\\/]docker\.js$/, request: './buildkit', why: 'BuildKit progress is not bundled; builds use the classic builder'},
];
const leaveOut = {
	name: 'leave-out',
	setup(build) {
		build.onResolve({filter: /^\.\/(ssh|session|buildkit)$/}, args => {
			const left = unbundled.find(entry => entry.request === args.path && entry.importer.test(args.importer));
			return left === undefined ? undefined : {path: left.why, namespace: 'left-out'};
		});
		build.onLoad({filter: /.*/, namespace: 'left-out'}, args => ({
			contents: `module.exports = function () { throw new Error(${JSON.stringify(args.path)}); };`,
			loader: 'js',
		}));
	},
};

// Packages whose work Node or nothing does, replaced where they are imported:
// - readable-stream (docker-modem's hijacked exec and attach streams): a copy
//   of Node's streams of its day, a dozen modules evaluated at every start.
//   Node's own, whose module has the same Readable, Writable, Duplex and
//   Transform on it (docker-modem's http_duplex.js takes its Duplex).
// - debug (docker-modem's): with DEBUG=* in the environment it wrote every
//   request to stderr, which is the TUI's screen. Porthole says what went
//   wrong in its status bar and its one-line errors; nothing else may print.
const standIns = {
	'readable-stream': "module.exports = require('node:stream');",
	debug: 'module.exports = function createDebug() { const debug = function () {}; debug.enabled = false; debug.extend = createDebug; return debug; };',
};
const standInPackages = {
	name: 'stand-ins',
	setup(build) {
		build.onResolve({filter: /^(readable-stream|debug)$/}, args => ({path: args.path, namespace: 'stand-in'}));
		build.onLoad({filter: /.*/, namespace: 'stand-in'}, args => ({contents: standIns[args.path], loader: 'js'}));
	},
};

// Every string-width import (Ink's, cli-truncate's, ours) goes to
// source/format/string-width.ts, a cached wrapper with a fast path: Ink
// measures every line of every frame, and the real one was most of a
// frame's cost. Only the wrapper itself gets the real module.
const wrapper = join(root, 'source/format/string-width.ts');
// The wrapper itself gets the real module only on first use, through a
// require that esbuild turns into a lazy module: its top level builds an
// Intl.Segmenter and Unicode-property regexes (RGI_Emoji among them), about
// 20 ms at every start, and most runs never measure a character outside the
// wrapper's fast path.
const fastStringWidth = {
	name: 'fast-string-width',
	setup(build) {
		build.onResolve({filter: /^string-width$/}, args => {
			if (args.namespace === 'lazy-string-width') return undefined;
			if (args.importer !== wrapper) return {path: wrapper};
			return {path: 'string-width', namespace: 'lazy-string-width'};
		});
		build.onLoad({filter: /.*/, namespace: 'lazy-string-width'}, () => ({
			contents: "let real; export default function stringWidth(input, options) { real ??= require('string-width').default; return real(input, options); }",
			resolveDir: dirname(wrapper),
			loader: 'js',
		}));
	},
};

// Node's child_process (with dgram and its socket list) and fs/promises (with
// readline's interface, the REPL's history and fs watchers) loaded as the
// bundle did, for a shell, a custom command or a file op that most starts
// never run, and terminal-size's fallback (Ink's) for a terminal that does
// not say its size: about 3 ms. Each import of them in app.cjs gets a module
// of the same functions, which loads the real one on the first call. Only
// functions are given (a class, or a value, would have to be the real one):
// importing anything else fails the build. later.cjs (execa) has the real ones.
const lazyBuiltins = {
	name: 'lazy-builtins',
	setup(build) {
		build.onResolve({filter: /^(node:)?(child_process|fs\/promises)$/}, args =>
			// The module's own require is of the real one.
			(args.namespace === 'lazy-builtin' ? {path: args.path, external: true} : {path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin'}));
		build.onLoad({filter: /.*/, namespace: 'lazy-builtin'}, async args => {
			const real = await import(`node:${args.path}`);
			const functions = Object.keys(real).filter(key => key !== 'default' && /^[a-z]/.test(key) && typeof real[key] === 'function');
			return {
				loader: 'js',
				contents: `let real;
const load = () => (real ??= require(${JSON.stringify(`node:${args.path}`)}));
${functions.map(name => `export function ${name}(...args) { return load().${name}(...args); }`).join('\n')}`,
			};
		});
	},
};

// zod's classic API and its core re-export every locale (z.locales and
// z.core.locales, 360 kB of the bundle unminified) though only English, which its schemas load themselves, is used.
const noZodLocales = {
	name: 'no-zod-locales',
	setup(build) {
		build.onResolve({filter: /^\.\.\/locales\/index\.js$/}, args => (/zod[\\/]v4[\\/](classic|core)[\\/](external|index)\.js$/.test(args.importer) ? {path: 'zod-locales', namespace: 'no-zod-locales'} : undefined));
		build.onLoad({filter: /.*/, namespace: 'no-zod-locales'}, () => ({contents: 'export {};', loader: 'js'}));
	},
};

// Ink imports Yoga's default export, which Yoga's ES module waits for with a
// top-level await; CommonJS has none, so here Yoga is an object filled in once
// its WebAssembly is ready, and the entry (scripts/app-entry.mjs) waits for
// `yogaReady` before it loads the app. Ink reads Yoga only inside functions,
// never as its modules load.
const yogaDir = join(root, 'node_modules/yoga-layout/dist');
const deferredYoga = {
	name: 'deferred-yoga',
	setup(build) {
		build.onResolve({filter: /^yoga-layout$/}, () => ({path: 'yoga-layout', namespace: 'deferred-yoga'}));
		build.onLoad({filter: /.*/, namespace: 'deferred-yoga'}, () => ({
			resolveDir: yogaDir,
			loader: 'js',
			contents: `import loadYoga from './binaries/yoga-wasm-base64-esm.js';
import wrapAssembly from './src/wrapAssembly.js';
export * from './src/generated/YGEnums.js';
const Yoga = {};
export default Yoga;
export const yogaReady = loadYoga().then(module => { Object.assign(Yoga, wrapAssembly(module)); });`,
		}));
	},
};

// Packages no first frame runs: the config file's parser and schema (yaml,
// zod), the ssh tunnel's process runner (execa) and the archive code (tar-fs,
// tar-stream). A third of the app's code, bundled apart into later.cjs: V8
// takes a code cache in time with its size, uncompiled functions included,
// so every start paid for them (README, Performance, round ten). In app.cjs
// they stay requires, which the launcher answers from later.cjs.
// Each is bundled as its importers here would have it: the ES module build
// of a package that has one (as our code imports it), else its CommonJS.
const laterKinds = {execa: 'esm', 'tar-fs': 'cjs', 'tar-stream': 'cjs', yaml: 'esm', zod: 'esm'};
export const laterPackages = Object.keys(laterKinds);
const laterFilter = new RegExp(`^(${laterPackages.join('|')})$`);
const toLater = {
	name: 'to-later',
	setup(build) {
		build.onResolve({filter: laterFilter}, args => ({path: args.path, external: true}));
	},
};
// later.cjs: each package behind a function, so that loading one runs none of
// the others. An ES module one is reached through a module of its own that
// re-exports it (a require would pick the package's CommonJS build).
const laterEntry = `module.exports = {${laterPackages.map(name => `${JSON.stringify(name)}: () => require(${JSON.stringify(laterKinds[name] === 'esm' ? `later:${name}` : name)})`).join(', ')}};`;
const laterModules = {
	name: 'later-modules',
	setup(build) {
		build.onResolve({filter: /^later:/}, args => ({path: args.path.slice('later:'.length), namespace: 'later'}));
		build.onLoad({filter: /.*/, namespace: 'later'}, args => ({contents: `export * from ${JSON.stringify(args.path)};`, resolveDir: root, loader: 'js'}));
	},
};

/**
 * Bundles `entry` into `outfile`, one CommonJS file. Writes nothing and
 * throws the first PatchError (its message is one line) when a dependency
 * patch does not apply. `plugins` come before the patches; `nodePaths` lets a
 * test bundle a copy of a dependency from elsewhere. With `laterFile`, the
 * laterPackages go there instead, and `outfile` requires them by name.
 *
 * CommonJS, not an ES module, for two reasons. The launcher compiles it with
 * vm.Script, whose code cache can be made after the first frame and so holds
 * every function the start ran, not only the few V8 compiles up front (an ES
 * module has no such cache outside an experimental flag). And what the code
 * imports with import() (the config parser, execa for ssh, tar for
 * archives) stays a function that runs on first use.
 */
export async function bundle({entry = join(root, 'scripts/app-entry.mjs'), outfile, laterFile, plugins = [], nodePaths = []}) {
	await bundleOne({entryPoints: [entry], outfile, nodePaths}, laterFile === undefined ? plugins : [toLater, lazyBuiltins, ...plugins]);
	if (laterFile !== undefined) await bundleOne({stdin: {contents: laterEntry, resolveDir: root, sourcefile: 'later-entry.cjs', loader: 'js'}, outfile: laterFile, nodePaths}, [laterModules, ...plugins]);
}

async function bundleOne(options, plugins) {
	const failures = [];
	const result = await build({
		...options,
		absWorkingDir: root,
		bundle: true,
		write: false,
		platform: 'node',
		format: 'cjs',
		target: 'node22',
		// import() of a package left to later.cjs must become a require the launcher answers, not Node's loader.
		supported: {'dynamic-import': false},
		jsx: 'automatic',
		// No comments or indentation: the bundle is read and decoded at every start.
		minifyWhitespace: true,
		minifySyntax: true,
		charset: 'ascii',
		sourcemap: false,
		legalComments: 'none',
		external: ['cpu-features', '*.node'],
		plugins: [noDevtools, leaveOut, standInPackages, noZodLocales, deferredYoga, ...plugins, ...patches.map(patch => patchPlugin(patch, failures)), fastStringWidth],
		define: {'process.env.NODE_ENV': '"production"', PORTHOLE_VERSION: JSON.stringify(pkg.version)},
		logLevel: 'silent',
	});
	if (result.warnings.length > 0) process.stderr.write((await formatMessages(result.warnings, {kind: 'warning', color: false})).join(''));
	if (failures.length > 0) throw failures[0];
	for (const file of result.outputFiles) {
		mkdirSync(dirname(file.path), {recursive: true});
		// A bundle with no CommonJS module in it (a test's small one) has no __toESM.
		writeFileSync(file.path, file.text.includes('var __toESM=') ? applyPatch(esbuildToESMOnce, file.path, file.text) : file.text);
	}
}

// The text the launcher (source/cli/launcher.ts) compiles is the bundle as
// the body of a CommonJS module function, put together from these two (it
// gets them through `define`). A code cache is of that exact text.
const bundleHead = '(function (exports, require, module, __filename, __dirname) {';
const bundleTail = '\n})';

/** The text the launcher compiles of `source`, the bundle: what the single executable's built code cache is made of. */
export function wrapBundle(source) {
	return bundleHead + source + bundleTail;
}

/**
 * Bundles the launcher (source/cli/launcher.ts) into `outfile`: an ES module
 * for the npm CLI (with `banner`, its lines for sh), CommonJS for the single
 * executable. `bundleFile` is the app bundle it will load and `laterFile`
 * the one it loads on demand: a code cache is of one bundle only, so their
 * hashes go in.
 */
export async function bundleLauncher({outfile, bundleFile, laterFile, format, banner}) {
	await build({
		entryPoints: [join(root, 'source/cli/launcher.ts')],
		outfile,
		bundle: true,
		platform: 'node',
		format,
		target: 'node22',
		charset: 'ascii',
		legalComments: 'none',
		...(banner === undefined ? {} : {banner: {js: banner}}),
		define: {
			PORTHOLE_BUNDLE_HASH: JSON.stringify(fileHash(bundleFile)),
			PORTHOLE_LATER_HASH: JSON.stringify(fileHash(laterFile)),
			PORTHOLE_LATER_PACKAGES: JSON.stringify(laterPackages),
			PORTHOLE_BUNDLE_HEAD: JSON.stringify(bundleHead),
			PORTHOLE_BUNDLE_TAIL: JSON.stringify(bundleTail),
		},
		// The single executable's never reaches the import.meta it has no use for.
		logOverride: {'empty-import-meta': 'silent'},
		logLevel: 'warning',
	});
}

function fileHash(file) {
	return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
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
