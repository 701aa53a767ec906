import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {scanCsi, scanEscape, scanString} from '../../../source/format/escape-scan.js';

// Where each escape sequence ends: what sanitize.ts drops or keeps as one piece. Positions are just past the sequence.
describe('escape-scan', () => {
	/** scanString as the sanitiser calls it: BEL ends an OSC (`ESC ]`) only. */
	const scanControlString = (s: string, p: number) => scanString(s, p, s.charCodeAt(p - 1) === 0x5d);
	const cases: Array<[string, (s: string, p: number) => number, string, number, number]> = [
		['CSI: past its final byte', scanCsi, '\u001b[31mred', 2, 5],
		['CSI: CAN aborts it, and goes with it', scanCsi, '\u001b[31\u0018x', 2, 5],
		['CSI: a byte that cannot belong ends it before that byte', scanCsi, '\u001b[31\nx', 2, 4],
		['CSI: no final byte before the end', scanCsi, '\u001b[3131', 2, 6],
		['CSI: a long parameter run stops at the bound', scanCsi, `\u001b[${'1'.repeat(5000)}m`, 2, 4098],
		['OSC: up to BEL', scanControlString, '\u001b]0;title\u0007after', 2, 10],
		['OSC: up to ST (ESC \\)', scanControlString, '\u001b]0;t\u001b\\after', 2, 7],
		['a control string: an ESC that is not ST ends it before the ESC', scanControlString, '\u001bP1;2\u001b[31m', 2, 5],
		['a control string: the 8-bit ST', scanControlString, '\u001b_x\u009cafter', 2, 4],
		['a control string with no terminator: the bound', scanControlString, `\u001b]${'a'.repeat(5000)}`, 2, 4098],
		['ESC ]: an OSC', scanEscape, '\u001b]52;c;Y2xpcA==\u0007clip', 1, 16],
		['ESC P: a DCS, which BEL does not end', scanEscape, '\u001bPq\u0007\u001b\\', 1, 6],
		['ESC c: one final byte', scanEscape, '\u001bcX', 1, 2],
		['ESC ( 0: an intermediate, then the final', scanEscape, '\u001b(0X', 1, 3],
		['ESC then a control: nothing taken', scanEscape, '\u001b\nX', 1, 1],
	];
	for (const [name, scan, text, from, end] of cases) {
		test(name, () => assert.equal(scan(text, from), end));
	}
});
