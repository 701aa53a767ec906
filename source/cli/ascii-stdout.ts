import {toAscii} from '../format/ascii-glyphs.js';

/**
 * The terminal stream with every glyph written through it turned to ASCII
 * (format/ascii-glyphs.ts), for Ink to render into. Everything else (size,
 * resize events, raw mode) is the real stream's: the proxy binds each method
 * to it, so there is still one owner of the terminal.
 */
export function asciiStdout(stream: NodeJS.WriteStream): NodeJS.WriteStream {
	return new Proxy(stream, {
		get(target, property) {
			if (property === 'write') {
				return (chunk: unknown, ...rest: unknown[]) => (target.write as (...args: unknown[]) => boolean)(typeof chunk === 'string' ? toAscii(chunk) : chunk, ...rest);
			}
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}
