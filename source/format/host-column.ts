import type {Cell, Column} from './table-cells.js';
import {sanitizeText} from './sanitize.js';

type Spec<T> = Column & {priority: number; cell: (row: T, ...rest: never[]) => Cell};

/**
 * Puts a HOST column `hostWidth` wide first when several engines are on screen
 * (see hostColumnWidth); with 0 (one engine), the specs come back unchanged, so a one-host screen looks as it always did.
 * `hostOf` reads the row's host (containers carry it, image rows hold it in their image).
 */
export function withHostColumn<T, S extends Spec<T>>(specs: readonly S[], hostWidth: number, hostOf: (row: T) => string | undefined): S[] {
	if (hostWidth <= 0) return [...specs];
	const host: Spec<T> = {key: 'host', title: 'HOST', width: hostWidth, priority: 0, cell: row => ({text: sanitizeText(hostOf(row) ?? '-'), color: 'cyan'})};
	return [host as S, ...specs];
}
