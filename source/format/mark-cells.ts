import type {RowProgress} from '../store/bulk-slice.js';
import type {Cell, Column} from './table-cells.js';

/** What a marked row's first cell starts with. */
export const markSign = '●';

const progressColor: Record<RowProgress['status'], string> = {running: 'yellow', done: 'green', failed: 'red', skipped: 'gray'};
const progressSign: Record<RowProgress['status'], string> = {running: '', done: '✓ ', failed: '✗ ', skipped: '– '};

/**
 * A row's cells with its mark and its bulk progress shown: a marked row's
 * name starts with ● (in magenta), and while a bulk action runs or its
 * result is shown, the state column says what happened to this row
 * ("stopping…", "✓ stopped", "✗ no longer exists").
 */
export function markCells(columns: readonly Column[], cells: Cell[], marked: boolean, progress: RowProgress | undefined, nameKey = 'name', stateKey = 'state'): Cell[] {
	if (!marked && !progress) return cells;
	// Tables without a state column (images, volumes, networks) say it after the name.
	const inName = progress !== undefined && !columns.some(column => column.key === stateKey);
	return columns.map((column, index) => {
		const cell = cells[index] ?? {text: ''};
		if (inName && column.key === nameKey) return {text: `${progressSign[progress.status] || '… '}${cell.text} · ${progress.text}`, color: progressColor[progress.status]};
		if (marked && column.key === nameKey) return {text: `${markSign} ${cell.text}`, color: 'magenta'};
		if (progress && column.key === stateKey) return {text: `${progressSign[progress.status]}${progress.text}`, color: progressColor[progress.status]};
		return cell;
	});
}
