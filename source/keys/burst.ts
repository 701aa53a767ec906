/** One key of a burst: its name as the keymap spells it, and the text it types (as Ink would report it alone). */
export type BurstKey = {key: string; input: string};

/** Control characters with a name of their own; the other C0 codes are Ctrl plus a letter. */
const namedControls: Record<string, string> = {'\r': 'return', '\n': 'return', '\t': 'tab', '\u007f': 'backspace', '\b': 'backspace', '\u001b': 'escape'};

/** The C0 codes past Ctrl-Z (0x1b is Esc), by the character typed with Ctrl. */
const ctrlPunctuation: Record<number, string> = {0x1c: '\\', 0x1d: ']', 0x1e: '^', 0x1f: '_'};

/**
 * Splits a read that holds several keys into one key each. Ink splits a read
 * only at escape sequences, backspace and Ctrl-C: fast typing over SSH, tmux
 * send-keys or a paste can hand it `/`, Ctrl-U and `zzz` as the one string
 * "/\u0015zzz", which it reports as plain text. Each control character here
 * becomes the key it was typed as (`ctrl+u`, `return`), so none is dropped or
 * typed into a line as text. NUL (Ctrl-Space) names no key and is dropped.
 */
export function splitBurst(text: string): BurstKey[] {
	const keys: BurstKey[] = [];
	for (const char of text) {
		const named = namedControls[char];
		if (named) {
			keys.push({key: named, input: char});
			continue;
		}
		const code = char.codePointAt(0) ?? 0;
		if (code === 0) continue;
		if (code < 0x20) {
			// Ctrl-A is 0x01 ... Ctrl-Z is 0x1a; 0x1c-0x1f are Ctrl-\ ] ^ _.
			const letter = code <= 0x1a ? String.fromCodePoint(code + 0x60) : (ctrlPunctuation[code] ?? '');
			keys.push({key: `ctrl+${letter}`, input: letter});
			continue;
		}
		keys.push({key: char, input: char});
	}
	return keys;
}
