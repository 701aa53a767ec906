import {Box, Text} from 'ink';
import {Table, tableBodyRows} from '../components/table.js';
import type {RegistryRow} from '../domain/registry.js';
import {plural} from '../format/plural.js';
import {formatSize} from '../format/resource-text.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {useStore} from '../hooks/use-store.js';
import {labelFor} from '../keys/key-labels.js';

/**
 * A registry's repositories and tags with each tag's size (`:registry HOST`),
 * or Docker Hub search results with stars (`:hub TERM`). Rows are already
 * safe (actions/registry-actions.ts checks names and sanitises text).
 */
export function RegistryPane({width, height}: {width: number; height: number}) {
	const registry = useStore(state => state.registry);
	const tableHeight = Math.max(2, height - 1);
	useBodyRows('registry', tableBodyRows(tableHeight));
	if (!registry) return <Text dimColor>No registry open: :registry HOST[:PORT], or :hub TERM for Docker Hub.</Text>;
	const search = registry.host === undefined;
	const title = search ? `Docker Hub search "${registry.term ?? ''}"` : `Registry ${registry.host}`;
	const status = registry.status === 'loading' ? 'reading…' : registry.status === 'error' ? registry.message ?? 'failed' : registry.message ?? 'done';
	const columns = search
		? [
			{key: 'name', title: 'NAME', width: Math.max(12, Math.floor(width * 0.35))},
			{key: 'stars', title: 'STARS', width: 7, align: 'right' as const},
			{key: 'official', title: 'OFFICIAL', width: 8},
			{key: 'description', title: 'DESCRIPTION', width: Math.max(10, width - Math.max(12, Math.floor(width * 0.35)) - 7 - 8 - 3)},
		]
		: [
			{key: 'repository', title: 'REPOSITORY', width: Math.max(12, width - 24 - 10 - 2)},
			{key: 'tag', title: 'TAG', width: 24},
			{key: 'size', title: 'SIZE', width: 10, align: 'right' as const},
		];
	const empty = registry.status === 'loading' ? 'reading…' : registry.status === 'error' ? (registry.message ?? 'failed') : search ? 'nothing found' : 'no repositories';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate">
				<Text bold>{title}</Text>
				<Text color={registry.status === 'error' ? 'red' : undefined}> · {status}</Text>
				<Text dimColor> · {plural(registry.rows.length, 'row')} · {labelFor('pull', 'registry')} pulls · {labelFor('back', 'registry')} back</Text>
			</Text>
			<Table<RegistryRow & {index: number}>
				columns={columns}
				rows={registry.rows.map((row, index) => ({...row, index}))}
				rowKey={row => String(row.index)}
				cells={row => search
					? [{text: row.repository}, {text: row.stars === undefined ? '' : String(row.stars)}, {text: row.official ? 'yes' : ''}, {text: row.description ?? '', color: 'gray'}]
					: [{text: row.repository}, {text: row.tag ?? '(no tags)', color: row.tag ? undefined : 'gray'}, {text: row.size === undefined ? '' : formatSize(row.size)}]}
				selectedIndex={registry.selected}
				height={tableHeight}
				empty={empty}
			/>
		</Box>
	);
}
