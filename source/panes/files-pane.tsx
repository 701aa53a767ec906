import {Box, Text} from 'ink';
import {Table, tableBodyRows} from '../components/table.js';
import {formatFileName, formatMode, formatModified} from '../format/file-cells.js';
import {plural} from '../format/plural.js';
import {formatSize} from '../format/resource-text.js';
import {sanitizeText} from '../format/sanitize.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {useStore} from '../hooks/use-store.js';
import {labelFor} from '../keys/key-labels.js';
import {useMemo} from 'react';
import {filterFileRows, type FileRow, type FileTransfer} from '../store/files-slice.js';

/** "12.3MB of 45MB (27%)", or just the bytes when the total is not known. */
export function transferText(transfer: Pick<FileTransfer, 'bytes' | 'total'>): string {
	const {bytes, total} = transfer;
	if (total === undefined || total <= 0) return formatSize(bytes);
	return `${formatSize(bytes)} of ${formatSize(total)} (${Math.min(100, Math.floor((bytes / total) * 100))}%)`;
}

const dirColour = 'blue';
const linkColour = 'cyan';

/**
 * A container's folder (issue 17), read through the archive API: names
 * (folders with "/", links with their target), sizes (a folder's is the sum
 * of the files under it), modes as `ls -l` writes them and modification times.
 * Rows hold sanitised text only (actions/files-actions.ts).
 */
export function FilesPane({width, height}: {width: number; height: number}) {
	const files = useStore(state => state.files);
	const filter = useStore(state => state.ui.filter);
	const rows = useMemo(() => filterFileRows(files?.rows ?? [], filter), [files?.rows, filter]);
	const transfer = files?.transfer;
	const tableHeight = Math.max(2, height - 1 - (transfer ? 1 : 0));
	useBodyRows('files', tableBodyRows(tableHeight));
	if (!files) return <Text dimColor>No container open: F on a container browses its files.</Text>;
	const status = files.status === 'loading' ? (files.read ? `reading… ${formatSize(files.read)} of tar` : 'reading…') : files.status === 'error' ? files.message ?? 'failed' : files.message;
	const sizeWidth = 9;
	const modeWidth = 10;
	const timeWidth = 16;
	const nameWidth = Math.max(12, width - sizeWidth - modeWidth - timeWidth - 3);
	const columns = [
		{key: 'name', title: 'NAME', width: nameWidth},
		{key: 'size', title: 'SIZE', width: sizeWidth, align: 'right' as const},
		{key: 'mode', title: 'MODE', width: modeWidth},
		{key: 'modified', title: 'MODIFIED (UTC)', width: timeWidth},
	];
	const empty = files.status === 'loading' ? 'reading…' : files.status === 'error' ? (files.message ?? 'failed') : filter ? 'no name matches the filter' : 'an empty folder';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate">
				<Text bold>{files.container.name}:{sanitizeText(files.path)}</Text>
				{status ? <Text color={files.status === 'error' || files.truncated ? 'yellow' : undefined}> · {status}</Text> : null}
				<Text dimColor> · {plural(files.rows.length, 'entry', 'entries')}</Text>
			</Text>
			{transfer
				? <Text wrap="truncate" color="cyan">{transfer.label}: {transferText(transfer)} · {labelFor('back', 'files')} cancels</Text>
				: null}
			<Table<FileRow>
				columns={columns}
				rows={rows}
				rowKey={row => row.raw}
				cells={row => [
					{text: formatFileName(row), color: row.kind === 'dir' ? dirColour : row.kind === 'link' ? linkColour : undefined},
					{text: row.kind === 'dir' || row.kind === 'file' ? formatSize(row.size) : ''},
					{text: formatMode(row.kind, row.mode), color: 'gray'},
					{text: formatModified(row.mtime), color: 'gray'},
				]}
				selectedIndex={files.selected}
				height={tableHeight}
				empty={empty}
			/>
		</Box>
	);
}
