// The esbuild step shared by the npm build (scripts/build.mjs) and the single
// executable (scripts/build-sea.mjs): one bundle of cli.tsx with the plugins
// that keep start-up and frames cheap, and the dependency patches, which must
// all apply or the build fails.
import {build, formatMessages} from 'esbuild';
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire, isBuiltin} from 'node:module';
import {basename, dirname, extname, join} from 'node:path';
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

// zod's classic API and its core re-export every locale (z.locales and
// z.core.locales, 360 kB of the bundle unminified) though only English, which its schemas load themselves, is used.
const noZodLocales = {
	name: 'no-zod-locales',
	setup(build) {
		build.onResolve({filter: /^\.\.\/locales\/index\.js$/}, args => (/zod[\\/]v4[\\/](classic|core)[\\/](external|index)\.js$/.test(args.importer) ? {path: 'zod-locales', namespace: 'no-zod-locales'} : undefined));
		build.onLoad({filter: /.*/, namespace: 'no-zod-locales'}, () => ({contents: 'export {};', loader: 'js'}));
	},
};

// An ES module importing one of Node's built-ins gets an ES module facade of
// it, made by reading every export of the built-in: its lazy getters run,
// and load more of Node (crypto's webcrypto, process.report and others; 30
// ms and more of every start). Each built-in is instead a small module of
// ours that takes it through require and exports by name only what the
// bundle imports (`imported`, which bundle() learns from esbuild's "No
// matching export" and builds again). Not every plain value either: a lazy
// getter turns into a plain value once read, and in the build's process (by
// Node itself or the build) util.parseArgs, util.diff and util.setTraceSigInt
// looked plain; reading them loaded worker_threads and more (10 ms a start).
// A CommonJS module in their place would cost a copy of every property at
// each of the 80 imports (esbuild's __toESM: 10 ms).
const requireHere = createRequire(import.meta.url);
function builtinsByRequire(imported) {
	return {
		name: 'builtins-by-require',
		setup(build) {
			build.onResolve({filter: /^(node:)?[a-z_/]+$/}, args => (args.kind === 'import-statement' && isBuiltin(args.path) ? {path: args.path.replace(/^node:/, ''), namespace: 'builtin'} : undefined));
			build.onLoad({filter: /.*/, namespace: 'builtin'}, args => {
				const id = `node:${args.path}`;
				const names = Object.keys(requireHere(id)).filter(name => imported.has(`${args.path}:${name}`) && /^[A-Za-z_$][\w$]*$/.test(name) && !reservedWords.has(name));
				return {contents: `const builtin = require(${JSON.stringify(id)});\nexport default builtin;\nexport const {${names.join(', ')}} = builtin;\n`, loader: 'js'};
			});
		},
	};
}
const reservedWords = new Set(['default', 'delete', 'new', 'function', 'class', 'const', 'let', 'var', 'return', 'import', 'export', 'in', 'of', 'if', 'else', 'for', 'while', 'do', 'switch', 'case', 'break', 'continue', 'throw', 'try', 'catch', 'finally', 'typeof', 'instanceof', 'void', 'with', 'yield', 'await', 'enum', 'super', 'this', 'null', 'true', 'false', 'debugger', 'extends', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public']);

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
 *
 * An ES module bundle is split: what the code imports with import() (the
 * config parser and its zod schema, execa for ssh, tar for archives) goes
 * into chunk-*.js files beside `outfile`, read only when first used. In one
 * file their code would still be read and compiled at every start, and their
 * Node built-ins loaded, since an ES module's imports all load before it
 * runs. The CommonJS bundle stays one file, its import()s evaluated lazily.
 */
export async function bundle({entry = join(root, 'cli.tsx'), outfile, format = 'esm', plugins = [], nodePaths = []}) {
	const split = format === 'esm';
	const imported = new Set();
	for (;;) {
		try {
			return await bundleOnce({entry, outfile, format, plugins, nodePaths, split, imported});
		} catch (error) {
			// A getter of a built-in that the bundle imports by name: export it too, and build again.
			const missing = (error?.errors ?? []).map(each => /^No matching export in "builtin:([a-z_/]+)" for import "([\w$]+)"$/.exec(each.text)).filter(Boolean);
			const fresh = missing.filter(([, module, name]) => !imported.has(`${module}:${name}`));
			if (fresh.length === 0 || missing.length !== (error?.errors ?? []).length) throw error;
			for (const [, module, name] of fresh) imported.add(`${module}:${name}`);
		}
	}
}

async function bundleOnce({entry, outfile, format, plugins, nodePaths, split, imported}) {
	const failures = [];
	const result = await build({
		entryPoints: [entry],
		...(split ? {outdir: dirname(outfile), entryNames: basename(outfile, extname(outfile)), outExtension: {'.js': extname(outfile) || '.js'}, chunkNames: 'chunk-[hash]', splitting: true} : {outfile}),
		absWorkingDir: root,
		bundle: true,
		write: false,
		platform: 'node',
		format,
		target: 'node22',
		jsx: 'automatic',
		// No comments or indentation: the bundle is read and decoded at every start.
		minifyWhitespace: true,
		minifySyntax: true,
		charset: 'ascii',
		sourcemap: false,
		legalComments: 'none',
		external: ['cpu-features', '*.node'],
		nodePaths,
		plugins: [...(format === 'esm' ? [builtinsByRequire(imported)] : []), noDevtools, leaveOut, noZodLocales, ...plugins, ...[...patches, ...(format === 'cjs' ? seaPatches : [])].map(patch => patchPlugin(patch, failures)), fastStringWidth],
		define: {'process.env.NODE_ENV': '"production"', PORTHOLE_VERSION: JSON.stringify(pkg.version)},
		...(format === 'esm' ? {banner: {js: esmBanner}} : {}),
		// Silent: a retry's errors are not the user's; warnings are printed below once it builds.
		logLevel: 'silent',
	});
	if (result.warnings.length > 0) process.stderr.write((await formatMessages(result.warnings, {kind: 'warning', color: false})).join(''));
	if (failures.length > 0) throw failures[0];
	// Chunks of an earlier build would pile up beside the new ones.
	if (split) {
		for (const name of readdirSafe(dirname(outfile))) if (/^chunk-[A-Z0-9]+\.[cm]?js$/.test(name)) rmSync(join(dirname(outfile), name));
	}
	for (const file of result.outputFiles) {
		mkdirSync(dirname(file.path), {recursive: true});
		writeFileSync(file.path, file.contents);
	}
}

function readdirSafe(dir) {
	try {
		return readdirSync(dir);
	} catch {
		return [];
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
