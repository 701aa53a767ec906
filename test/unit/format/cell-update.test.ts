import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {cellUpdate, parseCells} from '../../../source/format/cell-update.js';

const esc = '\u001B[';
const green = (text: string) => `${esc}32m${text}${esc}39m`;
const bold = (text: string) => `${esc}1m${text}${esc}22m`;
const dim = (text: string) => `${esc}2m${text}${esc}22m`;

/**
 * A line of a terminal that understands what cellUpdate writes (cursor to a
 * column, erase to the end, colour codes and printable text), to check that
 * the update leaves on screen exactly what writing the new line would.
 */
function paint(cells: Array<{text: string; style: string}>, bytes: string): Array<{text: string; style: string}> {
	const screen = [...cells];
	let column = 0;
	let codes = '';
	const style = () => parseCells(`${codes}x`)![0]!.style;
	const pattern = /\u001B\[([\d;]*)([GKm])|([^\u001B])/gu;
	for (const match of bytes.matchAll(pattern)) {
		const [, params, command, text] = match;
		if (text !== undefined) {
			screen[column] = {text, style: style()};
			column += 1;
		} else if (command === 'G') {
			column = Number(params) - 1;
		} else if (command === 'K') {
			screen.length = Math.min(screen.length, column);
		} else {
			codes += `${esc}${params}m`;
		}
	}
	assert.equal(style(), '', 'the update leaves the colours reset');
	return screen;
}

const onScreen = (line: string) => paint([], line);

describe('parseCells', () => {
	const cases: Array<{name: string; line: string; expected: ReturnType<typeof parseCells>}> = [
		{name: 'plain text', line: 'ab', expected: [{text: 'a', style: ''}, {text: 'b', style: ''}]},
		{name: 'colour opened and closed', line: `a${green('b')}c`, expected: [{text: 'a', style: ''}, {text: 'b', style: '32'}, {text: 'c', style: ''}]},
		{name: 'bold and dim share one switch (22 ends both)', line: `${esc}1;2mx${esc}22my`, expected: [{text: 'x', style: '2'}, {text: 'y', style: ''}]},
		{name: '256 and true colours', line: `${esc}38;5;208mx${esc}48;2;1;2;3my${esc}0mz`, expected: [{text: 'x', style: '38;5;208'}, {text: 'y', style: '38;5;208;48;2;1;2;3'}, {text: 'z', style: ''}]},
		{name: 'block characters and an ellipsis are one cell each', line: '▁▂…', expected: [{text: '▁', style: ''}, {text: '▂', style: ''}, {text: '…', style: ''}]},
		{name: 'a wide character is not taken', line: 'a漢', expected: undefined},
		{name: 'a tab is not taken', line: 'a\tb', expected: undefined},
		{name: 'an OSC link is not taken', line: '\u001B]8;;http://x\u0007a\u001B]8;;\u0007', expected: undefined},
		{name: 'colon sub-parameters are not taken', line: `${esc}4:3mx`, expected: undefined},
	];
	for (const {name, line, expected} of cases) it(name, () => assert.deepEqual(parseCells(line), expected));

	it('a character in a style is one object, shared by every line that shows it', () => {
		const [a1, b1, a2] = parseCells(`ab${green('a')}a`)!;
		const [b2, , , a3] = parseCells(`b${green('a')}xa`)!;
		assert.equal(b1, b2);
		assert.notEqual(a1, a2, 'a different style is a different cell');
		assert.equal(a1, a3);
	});

	it('any number of distinct characters: cells stay right when the shared table starts over', () => {
		// 100 colours by 64 Cyrillic letters: 6,400 distinct cells, past the table's bound.
		for (let colour = 0; colour < 100; colour++) {
			const letters = Array.from({length: 200}, (_, index) => String.fromCodePoint(0x410 + (index % 64))).join('');
			const cells = parseCells(`${esc}38;5;${colour}m${letters}${esc}0m${colour}`)!;
			assert.equal(cells.length, 200 + String(colour).length);
			assert.deepEqual(cells[0], {text: '\u0410', style: `38;5;${colour}`});
		}
		assert.deepEqual(parseCells('\u00e9z'), [{text: '\u00e9', style: ''}, {text: 'z', style: ''}]);
	});
});

describe('cellUpdate', () => {
	const row = (cpu: string, memory: string, spark: string) => `${bold('web-1')}     ${green('running')}  ${cpu}  ${dim(spark)}  ${memory}  0B / 0B`;
	const cases: Array<{name: string; previous: string; next: string; most: number; moves: number}> = [
		{name: 'one figure changed: only its cells', previous: row('12.0%', '320KiB', '▁▂▃'), next: row('13.5%', '320KiB', '▁▂▃'), most: 12, moves: 1},
		{name: 'two figures apart: two runs', previous: row('12.0%', '320KiB', '▁▂▃'), next: row('13.5%', '320KiB', '▁▂▃').replace('0B / 0B', '1B / 0B'), most: 24, moves: 2},
		{name: 'changes close together: one run', previous: 'abcdefghij', next: 'aXcdXfghij', most: 12, moves: 1},
		{name: 'a colour changed, the text did not', previous: `x ${green('up')}`, next: `x ${dim('up')}`, most: 16, moves: 1},
		{name: 'the new line is shorter: the rest is erased', previous: 'running 12.0%', next: 'running', most: 8, moves: 1},
		{name: 'the new line is longer', previous: 'run', next: 'running', most: 10, moves: 1},
		{name: 'the sparkline moved on', previous: row('1.0%', '1MiB', '▁▁▂▃'), next: row('1.0%', '1MiB', '▁▂▃▄'), most: 22, moves: 1},
	];
	for (const {name, previous, next, most, moves} of cases) {
		it(name, () => {
			const update = cellUpdate(previous, next, 160);
			assert.ok(update !== undefined);
			assert.deepEqual(paint(onScreen(previous), update), onScreen(next), 'the screen shows the new line');
			assert.ok(update.length <= most, `${JSON.stringify(update)} is at most ${most} bytes`);
			assert.equal(update.match(/\u001B\[\d+G/g)?.length ?? 0, moves, 'cursor moves');
		});
	}

	it('gives way to Ink for lines it cannot take, or wider than the terminal', () => {
		assert.equal(cellUpdate('a', 'a漢', 160), undefined);
		assert.equal(cellUpdate('a\tb', 'a', 160), undefined);
		assert.equal(cellUpdate('abc', 'abcd', 3), undefined);
		assert.equal(cellUpdate('abc', 'abd', undefined), undefined);
	});

	it('random lines and changes: the screen always ends as the new line (seeded)', () => {
		let seed = 13;
		const random = (below: number) => {
			seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
			return (seed >>> 16) % below;
		};
		const styles = ['', `${esc}32m`, `${esc}1m`, `${esc}2;7m`, `${esc}38;5;208m`, `${esc}0m`, `${esc}39m`, `${esc}22m`];
		const glyphs = 'ab 1%.▁▂▇…/';
		const line = () => {
			let text = '';
			for (let part = random(6); part >= 0; part--) {
				text += styles[random(styles.length)];
				for (let count = random(12); count > 0; count--) text += glyphs[random(glyphs.length)];
			}
			return `${text}${esc}0m`;
		};
		for (let round = 0; round < 500; round++) {
			const previous = line();
			const next = random(3) === 0 ? line() : previous.replace(/[ab]/g, character => (random(4) === 0 ? glyphs[random(glyphs.length)]! : character));
			const update = cellUpdate(previous, next, 200);
			assert.ok(update !== undefined);
			assert.deepEqual(paint(onScreen(previous), update), onScreen(next), `${JSON.stringify(previous)} to ${JSON.stringify(next)}`);
		}
	});
});
