/*
 * Where a terminal escape sequence ends, for format/sanitize.ts: CSI, the
 * control strings (OSC, DCS, SOS, PM, APC) and the other ESC forms, as a
 * VT500-style parser reads them. Each scan is bounded, so text from an engine
 * cannot make one look far ahead for a terminator that never comes.
 */

/** The escape character that starts every sequence. */
export const ESC = 0x1b;
const BEL = 0x07;
const CAN = 0x18;
const SUB = 0x1a;
/** 8-bit String Terminator. */
const ST8 = 0x9c;
/** Longest sequence (CSI parameters or control-string payload) we look into before giving up on its end. */
const MAX_SEQUENCE = 4096;

/**
 * Returns the index just past a CSI whose parameters start at `p`: past its
 * final byte, past CAN/SUB that abort it, or at the first byte that cannot
 * belong to it (which is then handled on its own).
 */
export function scanCsi(s: string, p: number): number {
	const limit = Math.min(s.length, p + MAX_SEQUENCE);
	let j = p;
	while (j < limit) {
		const c = s.charCodeAt(j);
		if (c >= 0x20 && c <= 0x3f) {
			j++;
		} else if ((c >= 0x40 && c <= 0x7e) || c === CAN || c === SUB) {
			return j + 1;
		} else {
			return j;
		}
	}

	return j;
}

/**
 * Returns the index just past a control string (OSC, DCS, SOS, PM, APC) whose
 * payload starts at `p`: past BEL (OSC only) or ST, at an ESC that starts some
 * other sequence, or at the bound when no terminator comes soon enough.
 */
export function scanString(s: string, p: number, bellEnds: boolean): number {
	const limit = Math.min(s.length, p + MAX_SEQUENCE);
	for (let j = p; j < limit; j++) {
		const c = s.charCodeAt(j);
		if ((c === BEL && bellEnds) || c === ST8 || c === CAN || c === SUB) {
			return j + 1;
		}

		if (c === ESC) {
			return s.charCodeAt(j + 1) === 0x5c ? j + 2 : j;
		}
	}

	return limit;
}

/** Returns the index just past an escape sequence whose first byte after ESC is at `p`, other than CSI. */
export function scanEscape(s: string, p: number): number {
	const c = s.charCodeAt(p);
	if (c === 0x5d) {
		return scanString(s, p + 1, true);
	}

	if (c === 0x50 || c === 0x58 || c === 0x5e || c === 0x5f) {
		return scanString(s, p + 1, false);
	}

	// nF/Fp/Fe/Fs forms: intermediates 0x20-0x2F, then one final 0x30-0x7E.
	const limit = Math.min(s.length, p + MAX_SEQUENCE);
	let j = p;
	while (j < limit && s.charCodeAt(j) >= 0x20 && s.charCodeAt(j) <= 0x2f) {
		j++;
	}

	const f = s.charCodeAt(j);
	return f >= 0x30 && f <= 0x7e ? j + 1 : j;
}
