import {Box, Text, useWindowSize} from 'ink';
import {ConfirmDialog} from '../components/confirm-dialog.js';
import {Footer} from '../components/footer.js';
import {StatusBar} from '../components/status-bar.js';
import {hints} from '../keys/dispatch.js';
import {confirmKeys, labelFor, promptKeys} from '../keys/key-labels.js';
import {commandLineHelp} from '../keys/line-commands.js';
import {useKeyDispatch} from '../hooks/use-key-dispatch.js';
import {useServices, useStore} from '../hooks/use-store.js';
import {setUi, visibleNotice} from '../store/ui-slice.js';
import {ContainersView} from './containers-view.js';
import {HelpPane} from './help-pane.js';
import {DiskPane} from './disk-pane.js';
import {HistoryPane} from './history-pane.js';
import {RegistryPane} from './registry-pane.js';
import {FilesPane} from './files-pane.js';
import {ImagesPane} from './images-pane.js';
import {NetworksPane} from './networks-pane.js';
import {VolumesPane} from './volumes-pane.js';
import {EventsPane} from './events-pane.js';
import {InspectPane} from './inspect-pane.js';
import {TopPane} from './top-pane.js';
import {LogsPane} from './logs-pane.js';
import {OutputPane} from './output-pane.js';
import {swarmPanes} from './swarm-panes.js';
import {useTerminalHandover} from '../hooks/use-terminal-handover.js';
import {useNoticeExpiry} from '../hooks/use-notice-expiry.js';
import {useEffect, type ReactNode} from 'react';
import type {ViewName} from '../store/state.js';
import {containerSummary} from '../format/plural.js';
import {markedCount} from '../store/marks-slice.js';
import {sanitizeText} from '../format/sanitize.js';

/** The smallest terminal the layout works in. */
export const minimumSize = {columns: 60, rows: 12};

/** The pane of each view; a new view adds its pane here. */
const panes: Record<ViewName, (props: {width: number; height: number}) => ReactNode> = {
	containers: ContainersView,
	help: HelpPane,
	images: ImagesPane,
	history: HistoryPane,
	volumes: VolumesPane,
	networks: NetworksPane,
	disk: DiskPane,
	top: TopPane,
	inspect: InspectPane,
	events: EventsPane,
	logs: LogsPane,
	output: OutputPane,
	registry: RegistryPane,
	files: FilesPane,
	...swarmPanes,
};

/** The views that `ui.filter` narrows; the others (logs has its own filter) do not show it in the footer. */
const filteredViews = new Set<ViewName>(['containers', 'images', 'volumes', 'networks', 'events', 'services', 'nodes', 'stacks', 'files']);

/** Lines taken by the status bar (2) and the footer (1). */
const chromeHeight = 3;

/** The whole screen: status bar, the current view, an optional dialog, and the footer. Sized to the terminal so Ink never falls back to a full clear. */
export function App({size}: {size?: {columns: number; rows: number}}) {
	const terminal = useWindowSize();
	const {columns, rows} = size ?? terminal;
	const {store} = useServices();
	const connection = useStore(state => state.connection);
	const hosts = useStore(state => state.hosts);
	const notice = useStore(state => state.notice);
	const readOnly = useStore(state => state.readOnly);
	const containers = useStore(state => state.containers);
	const ui = useStore(state => state.ui);
	const marked = useStore(state => markedCount(state, state.ui.view));
	useKeyDispatch();
	useTerminalHandover();
	useNoticeExpiry(notice);
	const bodyHeight = Math.max(1, rows - chromeHeight);
	const tooSmall = columns < minimumSize.columns || rows < minimumSize.rows;
	useEffect(() => {
		if (store.getSnapshot().ui.pageSize !== bodyHeight - 1) store.update(state => setUi(state, {pageSize: bodyHeight - 1}));
	}, [bodyHeight, store]);
	useEffect(() => {
		// The dispatcher lets only quit through while nothing can be seen (actions/dispatch.ts).
		if ((store.getSnapshot().ui.tooSmall ?? false) !== tooSmall) store.update(state => setUi(state, {tooSmall}));
	}, [tooSmall, store]);

	if (tooSmall) {
		return (
			<Box width={columns} height={rows}>
				<Text wrap="wrap">Terminal too small: {columns}×{rows}. Porthole needs at least {minimumSize.columns}×{minimumSize.rows}; enlarge the window ({labelFor('quit', 'global')} quits).</Text>
			</Box>
		);
	}

	const Pane = panes[ui.view];
	const summary = (ui.project === undefined ? '' : `project ${sanitizeText(ui.project)}: `) + containerSummary([...containers.values()].filter(row => ui.project === undefined || row.composeProject === ui.project), ui.hideStopped) + (marked > 0 ? `, ${marked} marked` : '');
	return (
		<Box flexDirection="column" width={columns} height={rows}>
			<StatusBar connection={connection} hosts={hosts} notice={visibleNotice(notice, ui.view, Date.now())} readOnly={readOnly} summary={summary} width={columns} />
			<Box height={bodyHeight} flexDirection="column">
				{ui.confirm ? <ConfirmDialog pending={ui.confirm} width={columns} keys={confirmKeys()} /> : <Pane width={columns} height={bodyHeight} />}
			</Box>
			<Footer width={columns} hints={hints(ui.view, readOnly)} prompt={ui.prompt} filter={filteredViews.has(ui.view) ? ui.filter : ''} promptHelp={ui.prompt?.kind === 'command' ? commandLineHelp() : `regex or text; ${promptKeys('keeps', 'clears')}`} />
		</Box>
	);
}
