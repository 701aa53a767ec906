import {useStore} from '../hooks/use-store.js';
import {ContainersPane} from './containers-pane.js';
import {GroupedContainersPane} from './grouped-containers-pane.js';

/** The containers view: the flat table, or grouped by compose project after `P`. */
export function ContainersView(props: {width: number; height: number}) {
	const grouped = useStore(state => state.ui.grouped ?? false);
	return grouped ? <GroupedContainersPane {...props} /> : <ContainersPane {...props} />;
}
