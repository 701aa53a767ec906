// Bundles cli.tsx into dist/app.js, and writes dist/porthole.js: a small
// launcher that checks the Node version and turns on Node's compile cache
// before loading the bundle, so later starts skip most parsing.
import {build} from 'esbuild';
import {chmodSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

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

/**
 * A plugin that edits one file of a pinned dependency as it is bundled. Each
 * edit must find its text exactly once; when the dependency has changed, the
 * build warns and leaves the file as it is (slower, still correct).
 */
function patchFile(name, filter, edits, why) {
	return {
		name,
		setup(build) {
			build.onLoad({filter}, args => {
				const source = readFileSync(args.path, 'utf8');
				if (!edits.every(([from]) => source.split(from).length === 2)) {
					return {contents: source, loader: 'js', warnings: [{text: `${name}: ${args.path} changed, so it is bundled unpatched (${why})`}]};
				}
				return {contents: edits.reduce((text, [from, to]) => text.replace(from, () => to), source), loader: 'js'};
			});
		},
	};
}

// Yoga's loader (Ink's layout engine) reads its inlined WebAssembly through
// fetch() when fetch exists, which loads undici at every start (~25 ms) just to
// decode a data: URL; its own base64 path does the same without it.
const yogaWithoutFetch = patchFile(
	'yoga-without-fetch',
	/yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
	[['function ya(){return w||"function"!=typeof fetch?', 'function ya(){return w||true?']],
	'its wasm loads through fetch again: slower start',
);

// Ink rebuilds every frame cell by cell, splitting each line into styled
// characters through a cache that it makes anew for every frame; most lines
// are the same as the frame before. The cache now also looks in the previous
// frame's (and only that one: two frames at most are held). It also compiled
// a regular expression per character, and made a new object for every blank
// cell of every frame; now once.
const inkFrameCaches = patchFile(
	'ink-frame-caches',
	/ink[\\/]build[\\/]output\.js$/,
	[
		['class OutputCaches {', `const defaultIgnorable = /^\\p{Default_Ignorable_Code_Point}+$/u;
let lastCaches;
function frameCaches() {
    const fresh = new OutputCaches();
    if (lastCaches) {
        lastCaches.previous = undefined;
        fresh.previous = lastCaches;
    }
    lastCaches = fresh;
    return fresh;
}
class OutputCaches {`],
		[`        let cached = this.styledChars.get(line);
        if (cached === undefined) {`, `        let cached = this.styledChars.get(line) ?? this.previous?.styledChars.get(line);
        if (cached !== undefined) this.styledChars.set(line, cached);
        if (cached === undefined) {`],
		['!/^\\p{Default_Ignorable_Code_Point}+$/u.test(character.value)', '!defaultIgnorable.test(character.value)'],
		['caches = new OutputCaches();', 'caches = frameCaches();'],
		// Every empty cell of every frame was a new object; cells are only ever
		// replaced, never changed, so one frozen blank serves them all.
		[`                row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`, '                row.push(blankCharacter);'],
		['export default class Output {', `const blankCharacter = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([])});
export default class Output {`],
	],
	'every frame is split into characters afresh: more CPU',
);

// NO_COLOR (https://no-color.org), and --no-color which sets it: Ink's one
// colour function returns the text as it is, so no colour escape is written
// while bold, dim and inverse (the selected row) stay. Read once, at the first
// colour, which comes after the composition root has read the flags.
const inkNoColor = patchFile(
	'ink-no-color',
	/ink[\\/]build[\\/]colorize\.js$/,
	[
		['const colorize = (text, color, type) => {', 'let noColor;\nconst colorize = (text, color, type) => {\n    noColor ??= Boolean(process.env.NO_COLOR);'],
		['    if (!color) {\n        return text;', '    if (!color || noColor) {\n        return text;'],
	],
	'NO_COLOR leaves the colours on',
);

// Ink drops a mouse report (an SGR `ESC [ < b ; x ; y M`) before useInput,
// as input no key stands for. With `mouse: true` we want it: it goes out as
// a 'mouse' event on Ink's input emitter (hooks/use-key-dispatch.ts listens).
const inkMouseReports = patchFile(
	'ink-mouse-reports',
	/ink[\\/]build[\\/]components[\\/]App\.js$/,
	[['                if (isCompleteControlSequence(event)) {', `                if (/^\\u001b\\[<\\d+;\\d+;\\d+[Mm]$/.test(event)) {
                    eventEmitterRef.current.emit('mouse', event);
                    return;
                }
                if (isCompleteControlSequence(event)) {`]],
	'clicks and the wheel do nothing with mouse: true',
);

// Every string-width import (Ink's, cli-truncate's, ours) goes to
// source/format/string-width.ts, a cached wrapper with a fast path: Ink
// measures every line of every frame, and the real one was most of a
// frame's cost. Only the wrapper itself gets the real module.
const wrapper = fileURLToPath(new URL('../source/format/string-width.ts', import.meta.url));
const fastStringWidth = {
	name: 'fast-string-width',
	setup(build) {
		build.onResolve({filter: /^string-width$/}, args => (args.importer === wrapper ? undefined : {path: wrapper}));
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
	plugins: [noDevtools, lazyRequires, yogaWithoutFetch, inkFrameCaches, inkNoColor, inkMouseReports, fastStringWidth],
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
// Keep the young generation small: V8 grows it to 32 MB or more on a busy
// heap, which is most of our RSS, to save a few scavenges a second.
const v8 = await import('node:v8');
v8.setFlagsFromString('--semi-space-growth-factor=1');
const module = await import('node:module');
module.enableCompileCache?.();
await import('./app.js');
`);
chmodSync('dist/porthole.js', 0o755);
