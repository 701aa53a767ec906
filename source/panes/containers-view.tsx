import {Box} from 'ink';
import {useEffect} from 'react';
import {useServices, useStore} from '../hooks/use-store.js';
import {selectSelected} from '../store/selectors.js';
import {hideSplitLogs, showSplitLogs} from '../store/split-logs.js';
import {ContainersPane} from './containers-pane.js';
import {GroupedContainersPane} from './grouped-containers-pane.js';
import {LogsPane} from './logs-pane.js';

/** How long the selection must rest before the split logs follow it, so running down the list does not open a stream per row. */
export const splitFollowMs = 150;

/** Terminals at least this wide put the logs beside the table instead of below it. */
export const sideBySideColumns = 200;

/**
 * The containers view: the flat table, or grouped by compose project after
 * `P`; with the split layout (`v`), the selected container's logs below the
 * table (beside it on wide terminals), following the selection.
 */
export function ContainersView({width, height}: {width: number; height: number}) {
	const grouped = useStore(state => state.ui.grouped ?? false);
	const split = useStore(state => state.ui.split ?? false);
	const selected = useStore(state => state.ui.split ? selectSelected(state) : undefined);
	const {store} = useServices();
	const selectedId = selected?.id;
	// Back from the full logs view the stream was let go: the split follows the selection again.
	const idle = useStore(state => state.logs.targets.length === 0);
	useEffect(() => {
		if (!split) return;
		const timer = setTimeout(() => store.update(state => {
			const row = selectSelected(state);
			return row ? showSplitLogs(state, row) : hideSplitLogs(state);
		}), splitFollowMs);
		return () => clearTimeout(timer);
	}, [split, selectedId, idle, store]);
	const Table = grouped ? GroupedContainersPane : ContainersPane;
	if (!split) return <Table width={width} height={height} />;
	if (width >= sideBySideColumns) {
		const left = Math.floor(width / 2);
		return (
			<Box flexDirection="row" width={width} height={height}>
				<Table width={left} height={height} />
				<LogsPane width={width - left} height={height} />
			</Box>
		);
	}
	const top = Math.max(4, Math.floor(height / 2));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Table width={width} height={top} />
			<LogsPane width={width} height={height - top} />
		</Box>
	);
}
