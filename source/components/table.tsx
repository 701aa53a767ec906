import {Box, Text} from 'ink';
import {memo, useEffect, useRef} from 'react';
import type {Cell, Column} from '../format/table-cells.js';
import {fit} from '../format/text.js';
import {colourText} from '../format/colour-text.js';
import {themeColour} from '../format/theme.js';
import {useTheme} from './theme-context.js';

/** Props of the table. `rows` may be long; only the ones that fit are turned into cells. */
export type TableProps<T> = {
	columns: Column[];
	rows: readonly T[];
	rowKey: (row: T) => string;
	cells: (row: T) => Cell[];
	selectedIndex: number;
	height: number;
	/** Marks the sorted column's title. */
	sortKey?: string;
	descending?: boolean;
	/** Maps a column key to the sort key it stands for. */
	sortKeyOf?: (columnKey: string) => string;
	empty?: string;
	/** Told the rows in the window after each render (the caller compares; it may be called with the same rows). */
	onWindow?: (visible: readonly T[]) => void;
	/**
	 * A log-like list (the events view): `selectedIndex` is the newest row on
	 * screen, always the bottom line once the rows fill the window, and no row
	 * is highlighted.
	 */
	bottomAnchored?: boolean;
};

/**
 * Keeps the selected row inside the window, moving the window only as far as
 * needed so it does not jump on every key press.
 */
export function windowStart(selected: number, height: number, total: number, previous: number): number {
	if (total <= height) return 0;
	let start = Math.min(previous, total - height);
	if (selected < start) start = selected;
	if (selected >= start + height) start = selected - height + 1;
	return Math.max(0, start);
}

/** Rows of a table `height` lines tall that show items: all but the header. */
export function tableBodyRows(height: number): number {
	return Math.max(1, height - 1);
}

/** A table with a virtual window: the header and only the rows that fit are formatted and rendered. */
export function Table<T>({columns, rows, rowKey, cells, selectedIndex, height, sortKey, descending, sortKeyOf = key => key, empty = 'nothing to show', onWindow, bottomAnchored = false}: TableProps<T>) {
	const startRef = useRef(0);
	const theme = useTheme();
	const bodyHeight = tableBodyRows(height);
	const start = bottomAnchored ? Math.max(0, selectedIndex - bodyHeight + 1) : windowStart(selectedIndex, bodyHeight, rows.length, startRef.current);
	startRef.current = start;
	const visible = rows.slice(start, bottomAnchored ? selectedIndex + 1 : start + bodyHeight);
	useEffect(() => onWindow?.(visible));
	const header = columns.map(column => {
		const mark = column.title && sortKeyOf(column.key) === sortKey ? (descending ? '▼' : '▲') : '';
		return fit(column.title + mark, column.width, column.align);
	}).join(' ');
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.header} wrap="truncate">{header}</Text>
			{visible.length === 0 ? <Text dimColor>{empty}</Text> : null}
			{visible.map((row, index) => {
				const rowCells = cells(row);
				const selected = start + index === selectedIndex;
				const parts = columns.map((column, cellIndex): RowPart => {
					const cell = rowCells[cellIndex] ?? {text: ''};
					return {text: fit(cell.text, column.width, column.align) + (cellIndex < columns.length - 1 ? ' ' : ''), colour: themeColour(theme, cell.color)};
				});
				// A theme's selection colour is a background; without one the row is drawn inverse.
				const inverse = selected && !bottomAnchored && !theme.selection;
				const background = selected && !bottomAnchored ? theme.selection : undefined;
				return <TableRow key={rowKey(row)} parts={parts} inverse={inverse} background={background} signature={rowSignature(parts, inverse, background)} />;
			})}
		</Box>
	);
}

type RowPart = {text: string; colour: string | undefined};
type TableRowProps = {parts: RowPart[]; inverse: boolean; background: string | undefined; signature: string};

/** One string that differs whenever anything drawn in the row differs. */
function rowSignature(parts: readonly RowPart[], inverse: boolean, background: string | undefined): string {
	let signature = `${inverse ? 1 : 0}${background ?? ''}`;
	for (const part of parts) signature += `\u0000${part.colour ?? ''}\u0001${part.text}`;
	return signature;
}

/**
 * A row, left alone by React while it draws the same: most rows of a live
 * table keep their figures from one stats tick to the next. It is one Text of
 * one string, its parts coloured as <Text color> would colour them
 * (format/colour-text.ts): a Text per coloured part was a dozen elements to
 * mount at the first frame and to reconcile and commit at every change.
 */
const TableRow = memo(function TableRow({parts, inverse, background}: TableRowProps) {
	return (
		<Text inverse={inverse} backgroundColor={background} wrap="truncate">
			{parts.map(part => colourText(part.text, part.colour)).join('')}
		</Text>
	);
}, (before, after) => before.signature === after.signature);
