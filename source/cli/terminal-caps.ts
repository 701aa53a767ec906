/** What the terminal and the user allow: colour, characters beyond ASCII, the alternate screen. */
export type TerminalCaps = {colour: boolean; unicode: boolean; altScreen: boolean};

/**
 * Reads the environment the way other full-screen programs do:
 * - colour is off with NO_COLOR set to anything but the empty string
 *   (no-color.org), with --no-color, and on TERM=dumb;
 * - the character set is the locale's: the first of LC_ALL, LC_CTYPE and LANG
 *   that is set and not empty decides, and only a UTF-8 one gets braille,
 *   block and box-drawing characters (C, POSIX, ISO-8859-1 get ASCII). With
 *   none set we assume UTF-8, as today's terminals are; TERM=dumb is ASCII;
 * - TERM=dumb gets no alternate screen.
 */
export function terminalCaps(env: Record<string, string | undefined>, options: {noColor?: boolean} = {}): TerminalCaps {
	const dumb = env.TERM === 'dumb';
	const locale = [env.LC_ALL, env.LC_CTYPE, env.LANG].find(value => value !== undefined && value !== '');
	const utf8 = locale === undefined || /utf-?8/i.test(locale);
	return {
		colour: !dumb && !options.noColor && !(env.NO_COLOR !== undefined && env.NO_COLOR !== ''),
		unicode: !dumb && utf8,
		altScreen: !dumb,
	};
}

/** SGR parameters that set a colour: 30–39 and 40–49 (38/48 take 5;n or 2;r;g;b after them), 90–97, 100–107. */
function withoutColours(params: string): string {
	const parts = params.split(';');
	const kept: string[] = [];
	for (let index = 0; index < parts.length; index++) {
		const part = parts[index]!;
		const code = Number(part.split(':')[0] === '' ? 0 : part.split(':')[0]);
		if ((code === 38 || code === 48 || code === 58) && !part.includes(':')) {
			// Extended colour: skip its arguments too.
			const mode = parts[index + 1];
			index += mode === '5' ? 2 : mode === '2' ? 4 : 0;
			continue;
		}
		if ((code >= 30 && code <= 39) || (code >= 40 && code <= 49) || (code >= 90 && code <= 97) || (code >= 100 && code <= 107) || code === 58 || code === 59) continue;
		kept.push(part);
	}
	return kept.join(';');
}

/**
 * Removes every colour from SGR sequences (`ESC[…m`) and keeps the rest
 * (bold, dim, inverse, underline, reset): the selection and highlights stay
 * visible with NO_COLOR. A sequence left with nothing to set is dropped.
 */
export function stripColours(text: string): string {
	return text.replace(/\u001b\[([0-9;:]*)m/g, (whole, params: string) => {
		if (params === '' || params === '0') return whole;
		const kept = withoutColours(params);
		return kept === '' ? '' : `\u001b[${kept}m`;
	});
}

const blockLevels = ['_', '_', '.', '-', '-', '=', '+', '#'];

/** One ASCII character for a braille cell, by how many of its 8 dots are lit. */
function brailleAscii(code: number): string {
	let dots = 0;
	for (let bits = code - 0x2800; bits > 0; bits >>= 1) dots += bits & 1;
	return dots === 0 ? ' ' : dots <= 2 ? '.' : dots <= 5 ? ':' : '#';
}

/** One ASCII character for a box-drawing one: horizontal lines `-`, vertical `|`, corners and joints `+`. */
function boxAscii(char: string): string {
	if ('─━┄┅┈┉╌╍═'.includes(char)) return '-';
	if ('│┃┆┇┊┋╎╏║'.includes(char)) return '|';
	return '+';
}

/**
 * The UI's text with braille, block elements and box drawing in ASCII, cell
 * for cell (each is one column either way, so the layout is unchanged): for
 * a locale that is not UTF-8, and for TERM=dumb.
 */
export function asciiGlyphs(text: string): string {
	return text.replace(/[\u2500-\u257f\u2580-\u259f\u2800-\u28ff]/g, char => {
		const code = char.codePointAt(0)!;
		if (code >= 0x2800) return brailleAscii(code);
		if (code >= 0x2580) {
			const eighth = code >= 0x2581 && code <= 0x2588 ? code - 0x2581 : 7;
			return blockLevels[eighth]!;
		}
		return boxAscii(char);
	});
}

/**
 * Applies the fallbacks at the one place all of the UI passes: text written
 * to the terminal as strings (Ink's frames). A session's bytes in exec or
 * attach are Buffers and pass untouched. Returns a function that undoes it.
 */
export function filterTerminal(stdout: NodeJS.WriteStream, caps: TerminalCaps): () => void {
	if (caps.colour && caps.unicode) return () => undefined;
	const original = stdout.write;
	const transform = (text: string) => {
		let out = caps.colour ? text : stripColours(text);
		if (!caps.unicode) out = asciiGlyphs(out);
		return out;
	};
	stdout.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
		return (original as (...args: unknown[]) => boolean).call(this, typeof chunk === 'string' ? transform(chunk) : chunk, ...rest);
	} as typeof stdout.write;
	return () => {
		stdout.write = original;
	};
}
