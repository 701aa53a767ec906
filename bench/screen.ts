import stringWidth from 'string-width';

/**
 * A small terminal emulator: enough of VT100/xterm to follow what Ink writes
 * (text, CR/LF, cursor moves, erase line/screen, the alternate screen) and
 * know what the screen shows after every chunk. Colours and modes are
 * ignored. It lets the benchmark see a change on screen the moment its bytes
 * arrive, without polling a terminal.
 */
export class Screen {
	private cells: string[][];
	private row = 0;
	private column = 0;
	/** Set after writing the last column: the next printable character wraps first (xterm's pending wrap). */
	private wrapPending = false;
	private saved = {row: 0, column: 0};
	private pending = '';
	private readonly decoder = new TextDecoder('utf-8');
	/** Times the output scrolled the screen up: a frame taller than the terminal. */
	scrolls = 0;

	constructor(readonly columns: number, readonly rows: number) {
		this.cells = Array.from({length: rows}, () => blankLine(columns));
	}

	/** Feeds raw bytes from the terminal. Escape sequences may be split across chunks. */
	write(bytes: Uint8Array): void {
		this.feed(this.decoder.decode(bytes, {stream: true}));
	}

	/** The screen as lines of text, trailing blanks trimmed. */
	lines(): string[] {
		return this.cells.map(line => line.join('').trimEnd());
	}

	/** The whole screen as one string. */
	text(): string {
		return this.lines().join('\n');
	}

	private feed(input: string): void {
		const data = this.pending + input;
		this.pending = '';
		let index = 0;
		while (index < data.length) {
			const char = data[index]!;
			if (char === '\u001B') {
				const used = this.escape(data, index);
				if (used === 0) {
					this.pending = data.slice(index);
					return;
				}
				index += used;
				continue;
			}
			index++;
			switch (char) {
				case '\r': this.column = 0; this.wrapPending = false; break;
				case '\n': this.lineFeed(); break;
				case '\b': this.column = Math.max(0, this.column - 1); this.wrapPending = false; break;
				case '\t': this.column = Math.min(this.columns - 1, (Math.floor(this.column / 8) + 1) * 8); break;
				case '\u0007': break;
				default: {
					const code = char.codePointAt(0)!;
					if (code < 0x20 || code === 0x7F) break;
					let glyph = char;
					if (code > 0xFFFF) {
						glyph = data.slice(index - 1, index + 1);
						index++;
					}
					this.print(glyph);
				}
			}
		}
	}

	private print(glyph: string): void {
		const width = stringWidth(glyph);
		if (width === 0) return;
		if (this.wrapPending || this.column + width > this.columns) {
			this.column = 0;
			this.lineFeed();
		}
		const line = this.cells[this.row]!;
		line[this.column] = glyph;
		if (width === 2 && this.column + 1 < this.columns) line[this.column + 1] = '';
		this.column += width;
		if (this.column >= this.columns) {
			this.column = this.columns - 1;
			this.wrapPending = true;
		}
	}

	private lineFeed(): void {
		this.wrapPending = false;
		if (this.row < this.rows - 1) {
			this.row++;
			return;
		}
		this.scrolls++;
		this.cells.shift();
		this.cells.push(blankLine(this.columns));
	}

	/** Handles the escape sequence at `start`; returns its length, or 0 when it is incomplete. */
	private escape(data: string, start: number): number {
		const next = data[start + 1];
		if (next === undefined) return 0;
		if (next === '[') {
			let end = start + 2;
			while (end < data.length && !/[@-~]/.test(data[end]!)) end++;
			if (end >= data.length) return 0;
			this.csi(data.slice(start + 2, end), data[end]!);
			return end - start + 1;
		}
		if (next === ']' || next === 'P' || next === '_') {
			// OSC, DCS, APC: skip to BEL or ST.
			for (let end = start + 2; end < data.length; end++) {
				if (data[end] === '\u0007') return end - start + 1;
				if (data[end] === '\u001B') {
					if (end + 1 >= data.length) return 0;
					if (data[end + 1] === '\\') return end - start + 2;
				}
			}
			return 0;
		}
		if (next === '7') {
			this.saved = {row: this.row, column: this.column};
			return 2;
		}
		if (next === '8') {
			({row: this.row, column: this.column} = this.saved);
			this.wrapPending = false;
			return 2;
		}
		if (next === '(' || next === ')' || next === '#') return start + 2 < data.length ? 3 : 0;
		return 2;
	}

	private csi(parameters: string, final: string): void {
		const isPrivate = parameters.startsWith('?');
		const numbers = (isPrivate ? parameters.slice(1) : parameters).split(';').map(part => Number.parseInt(part, 10));
		const n = (index: number, fallback: number) => {
			const value = numbers[index];
			return value === undefined || Number.isNaN(value) || value === 0 ? fallback : value;
		};
		if (isPrivate) {
			// The alternate screen starts blank; leaving it shows the (untracked) normal screen.
			if ((final === 'h' || final === 'l') && [47, 1047, 1049].includes(numbers[0] ?? 0)) this.clear();
			return;
		}
		const clampRow = (row: number) => Math.max(0, Math.min(this.rows - 1, row));
		const clampColumn = (column: number) => Math.max(0, Math.min(this.columns - 1, column));
		this.wrapPending = false;
		switch (final) {
			case 'A': this.row = clampRow(this.row - n(0, 1)); break;
			case 'B': this.row = clampRow(this.row + n(0, 1)); break;
			case 'C': this.column = clampColumn(this.column + n(0, 1)); break;
			case 'D': this.column = clampColumn(this.column - n(0, 1)); break;
			case 'E': this.row = clampRow(this.row + n(0, 1)); this.column = 0; break;
			case 'F': this.row = clampRow(this.row - n(0, 1)); this.column = 0; break;
			case 'G': this.column = clampColumn(n(0, 1) - 1); break;
			case 'd': this.row = clampRow(n(0, 1) - 1); break;
			case 'H': case 'f': this.row = clampRow(n(0, 1) - 1); this.column = clampColumn(n(1, 1) - 1); break;
			case 'J': this.eraseScreen(numbers[0] || 0); break;
			case 'K': this.eraseLine(numbers[0] || 0); break;
			default: break; // SGR (m) and everything else leaves the text alone.
		}
	}

	private eraseLine(mode: number): void {
		const line = this.cells[this.row]!;
		const [from, to] = mode === 0 ? [this.column, this.columns] : mode === 1 ? [0, this.column + 1] : [0, this.columns];
		for (let column = from; column < to; column++) line[column] = ' ';
	}

	private eraseScreen(mode: number): void {
		if (mode === 2 || mode === 3) {
			this.clear(false);
			return;
		}
		this.eraseLine(mode);
		const rows = mode === 0 ? [this.row + 1, this.rows] : [0, this.row];
		for (let row = rows[0]!; row < rows[1]!; row++) this.cells[row] = blankLine(this.columns);
	}

	private clear(home = true): void {
		this.cells = Array.from({length: this.rows}, () => blankLine(this.columns));
		if (home) {
			this.row = 0;
			this.column = 0;
		}
	}
}

function blankLine(columns: number): string[] {
	return Array.from({length: columns}, () => ' ');
}
