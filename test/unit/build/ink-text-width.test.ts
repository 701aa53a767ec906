import assert from 'node:assert/strict';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {createElement as h, type ReactNode} from 'react';
import {applyPatch, inkTextWidth} from '../../../scripts/build-patches.mjs';

type Ink = {
	renderToString(node: ReactNode, options?: {columns?: number}): string;
	Box: (props: Record<string, unknown>) => ReactNode;
	Text: (props: Record<string, unknown>) => ReactNode;
};

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('ink-text-width', () => {
	// A copy of Ink with the patch in, beside Ink's own: the same text for every kind of box around it.
	const dir = mkdtempSync(join(tmpdir(), 'porthole-ink-'));
	after(() => rmSync(dir, {recursive: true, force: true}));
	const ink = join(root, 'node_modules/ink');
	cpSync(join(ink, 'build'), join(dir, 'build'), {recursive: true});
	writeFileSync(join(dir, 'package.json'), readFileSync(join(ink, 'package.json')));
	const file = join(dir, 'build/render-node-to-output.js');
	writeFileSync(file, applyPatch(inkTextWidth, file, readFileSync(file, 'utf8')));
	// Its imports resolve as Ink's own do: its nested packages first (signal-exit 3), then the project's.
	const modules = join(dir, 'node_modules');
	mkdirSync(modules);
	const nested = join(ink, 'node_modules');
	for (const name of readdirSync(nested)) symlinkSync(join(nested, name), join(modules, name));
	for (const name of readdirSync(join(root, 'node_modules'))) {
		if (!existsSync(join(modules, name))) symlinkSync(join(root, 'node_modules', name), join(modules, name));
	}

	const long = 'the quick brown fox jumps over the lazy dog and keeps on running';
	// [name, the tree (given Ink's Box and Text), columns]
	const cases: Array<[string, (ink: Ink) => ReactNode, number]> = [
		['a text wider than the terminal wraps', ({Text}) => h(Text, null, long), 20],
		['and truncates', ({Text}) => h(Text, {wrap: 'truncate'}, long), 20],
		['a box with padding', ({Box, Text}) => h(Box, {padding: 2, width: 24}, h(Text, null, long)), 40],
		['a box with a border', ({Box, Text}) => h(Box, {borderStyle: 'round', width: 24}, h(Text, {wrap: 'truncate-end'}, long)), 40],
		['padding on one side and a border', ({Box, Text}) => h(Box, {borderStyle: 'single', paddingLeft: 3, paddingRight: 1, width: 30}, h(Text, null, long)), 40],
		['a row of two texts, one shrinking', ({Box, Text}) => h(Box, {width: 30}, h(Text, {wrap: 'truncate'}, long), h(Text, {flexShrink: 0}, ' | end')), 40],
		['nested coloured text', ({Box, Text}) => h(Box, {paddingX: 2, width: 26}, h(Text, {color: 'green'}, 'running ', h(Text, {bold: true}, long))), 40],
		['a column of rows', ({Box, Text}) => h(Box, {flexDirection: 'column', width: 18}, ...['web-1  running  12.5%', 'db     exited (0)', long].map(row => h(Text, {key: row, wrap: 'truncate'}, row))), 40],
	];
	for (const [name, tree, columns] of cases) {
		it(`${name}: what Ink draws`, async () => {
			const own = (await import('ink')) as unknown as Ink;
			const patched = (await import(join(dir, 'build/index.js'))) as Ink;
			assert.equal(patched.renderToString(tree(patched), {columns}), own.renderToString(tree(own), {columns}));
		});
	}
});
