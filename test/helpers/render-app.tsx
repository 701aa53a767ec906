import {render} from 'ink-testing-library';
import type {ReactElement} from 'react';
import {dispatchKey} from '../../source/actions/dispatch.js';
import type {Engine} from '../../source/engine/engine.js';
import {ServicesContext} from '../../source/hooks/store-context.js';
import {App} from '../../source/panes/app.js';
import {createMouseHandler} from '../../source/actions/mouse-actions.js';
import {parseMouse} from '../../source/domain/mouse.js';
import {ThemeContext} from '../../source/components/theme-context.js';
import {themes, type Theme} from '../../source/format/theme.js';
import type {Store} from '../../source/store/store.js';
import {forbiddenEngine} from './forbidden-engine.js';
import {waitFor} from './wait.js';

/** Terminal size in cells. */
export type Size = {columns: number; rows: number};

/** Keys as a terminal sends them, for `stdin.write`. */
export const keys = {escape: '\u001b', enter: '\r', backspace: '\u007f', up: '\u001b[A', down: '\u001b[B'} as const;

const sgr = /\u001b\[[0-9;]*m/g;

/** A frame without colour escapes, for matching text. */
export function plain(frame: string | undefined): string {
	return (frame ?? '').replace(sgr, '');
}

/** A rendered App with its store, the engine it was given, and ways to type and wait. */
export type RenderedApp = {
	store: Store;
	engine: Engine;
	quits: {count: number};
	/** The latest frame, colour escapes left in. */
	lastFrame(): string;
	/** Sends bytes to the app's stdin, as a terminal would. */
	type(text: string): void;
	/** Polls the frame (without colour) until `check` accepts it; returns that frame. */
	waitForFrame(check: (text: string) => boolean, what: string, options?: {timeoutMs?: number}): Promise<string>;
	/**
	 * Hands SGR mouse reports to the app's mouse handler (renderApp's `mouse: true`), as the
	 * built CLI does: Ink itself drops them, the bundle's patch passes them on (scripts/build.mjs).
	 */
	mouse(...reports: string[]): void;
	/** Renders again at another size (the terminal was resized). */
	resize(size: Size): void;
	unmount(): void;
};

/**
 * Renders `<App>` the way cli.tsx does, inside ink-testing-library.
 *
 * Work-around: ink-testing-library 4's fake stdout reports `columns` 100 and
 * no `rows`. Ink 8 sizes its root node and its output grid from
 * `stdout.columns` on every layout, so an App wider than 100 cells is cut at
 * column 100: single-line texts survive, but a bordered Box's right edge and
 * whatever sits past column 100 in a multi-part row are dropped (the detail
 * area's right border lands at column 100). So the stdout instance is given
 * the test's own size (own properties shadow the class getter) and the tree is
 * rendered once more, which makes Ink lay out again at that width; Ink 8
 * reads the size on each layout, and the fake stdout is not a TTY, so Ink
 * never listens for 'resize' and a rerender is the way to apply it.
 */
export async function renderApp({store, size = {columns: 160, rows: 40}, engine = forbiddenEngine(), theme = themes.dark, mouse = false}: {store: Store; size?: Size; engine?: Engine; theme?: Theme; mouse?: boolean}): Promise<RenderedApp> {
	const quits = {count: 0};
	const dispatch = (key: string, input: string) => dispatchKey(key, input, {engine, store, quit: () => quits.count++});
	let current = size;
	// mouse: true wires the click handler the composition root builds for `mouse: true` in the config.
	const onMouse = mouse ? createMouseHandler({store, dispatch, size: () => current}) : undefined;
	if (mouse) store.update(state => ({...state, mouse: true}));
	const tree = (current: Size): ReactElement => (
		<ServicesContext.Provider value={{store, dispatch, mouse: onMouse}}>
			<ThemeContext.Provider value={theme}>
				<App size={current} />
			</ThemeContext.Provider>
		</ServicesContext.Provider>
	);
	const instance = render(tree(size));
	const setSize = (current: Size) => {
		Object.defineProperty(instance.stdout, 'columns', {value: current.columns, configurable: true});
		Object.defineProperty(instance.stdout, 'rows', {value: current.rows, configurable: true});
	};
	setSize(size);
	instance.rerender(tree(size));
	// useInput attaches Ink's 'readable' listener in an effect; keys written before it are lost.
	await waitFor(() => instance.stdin.listenerCount('readable') > 0, {what: 'Ink to listen on stdin'});
	const lastFrame = () => instance.lastFrame() ?? '';
	return {
		store,
		engine,
		quits,
		lastFrame,
		type: text => instance.stdin.write(text),
		async waitForFrame(check, what, options = {}) {
			try {
				return await waitFor(() => {
					const text = plain(lastFrame());
					return check(text) ? text : undefined;
				}, {what, ...options});
			} catch (error) {
				throw new Error(`${(error as Error).message}\nlast frame:\n${plain(lastFrame())}`);
			}
		},
		mouse(...reports) {
			if (!onMouse) throw new Error('renderApp was not given mouse: true');
			for (const report of reports) {
				const event = parseMouse(report);
				if (!event) throw new Error(`not a mouse report: ${JSON.stringify(report)}`);
				onMouse(event);
			}
		},
		resize(next) {
			current = next;
			setSize(next);
			instance.rerender(tree(next));
		},
		unmount: () => instance.unmount(),
	};
}
