/** A mouse report from the terminal (SGR mode 1006), cells counted from 1. */
export type MouseEvent = {
	kind: 'press' | 'release' | 'wheel-up' | 'wheel-down';
	/** 0 left, 1 middle, 2 right (for press and release). */
	button: number;
	x: number;
	y: number;
};

const sgr = /^\u001b?\[<(\d+);(\d+);(\d+)([Mm])$/;

/**
 * Reads one SGR mouse report (`ESC [ < b ; x ; y M`, `m` on release) as Ink
 * hands it over (without its ESC), or undefined for anything else. Motion
 * reports (bit 32) are not asked for and are dropped; modifier bits are ignored.
 */
export function parseMouse(input: string): MouseEvent | undefined {
	const match = sgr.exec(input);
	if (!match) return undefined;
	const code = Number(match[1]);
	const x = Number(match[2]);
	const y = Number(match[3]);
	if (code & 32) return undefined;
	if (code & 64) return {kind: (code & 1) === 0 ? 'wheel-up' : 'wheel-down', button: 0, x, y};
	return {kind: match[4] === 'M' ? 'press' : 'release', button: code & 3, x, y};
}

/** What the terminal is sent to report clicks and the wheel (1000) in SGR form (1006), and to stop. */
export const mouseReporting = {on: '\u001b[?1000h\u001b[?1006h', off: '\u001b[?1006l\u001b[?1000l'};
