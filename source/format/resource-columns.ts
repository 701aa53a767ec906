import type {Cell, Column} from './table-cells.js';

/** A column of a resource table: lower priority numbers survive narrower terminals; `grow` is how wide it may become with room to spare. */
export type ColumnSpec<T> = Column & {priority: number; grow?: number; cell: (row: T, now: number) => Cell};

/**
 * The columns that fit `width`: drops the least important first, then hands
 * the room left over to growable columns in the order they are listed.
 */
export function fitColumns<S extends Column & {priority: number; grow?: number}>(specs: readonly S[], width: number): S[] {
	// A titled column has room for its title and the sort arrow, so the arrow never eats the title.
	let chosen = specs.map(column => column.title && column.width < column.title.length + 1 ? {...column, width: column.title.length + 1} : column);
	const total = (list: readonly S[]) => list.reduce((sum, column) => sum + column.width + 1, -1);
	while (total(chosen) > width) {
		const worst = Math.max(...chosen.map(column => column.priority));
		if (worst === 0) break;
		const index = chosen.map(column => column.priority).lastIndexOf(worst);
		chosen = chosen.filter((_, i) => i !== index);
	}
	let spare = Math.max(0, width - total(chosen));
	return chosen.map(column => {
		const extra = Math.min(spare, Math.max(0, (column.grow ?? column.width) - column.width));
		spare -= extra;
		return {...column, width: column.width + extra};
	});
}

/** The cells of one row for the chosen columns. */
export function rowCells<T>(columns: ReadonlyArray<ColumnSpec<T>>, row: T, now: number): Cell[] {
	return columns.map(column => column.cell(row, now));
}
