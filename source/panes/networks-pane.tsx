import type {NetworkRow} from '../domain/network.js';
import {networkColumnSpecs} from '../format/network-cells.js';
import {selectNetworkRows} from '../store/resources-selectors.js';
import {ResourceTablePane, type ResourceTableSpec} from './resource-table-pane.js';

const networks: ResourceTableSpec<NetworkRow> = {
	table: 'networks',
	title: 'Networks',
	noun: 'network',
	rows: selectNetworkRows,
	keyOf: row => row.id,
	hostOf: row => row.host,
	columns: networkColumnSpecs,
	caption: rows => `${rows.length} shown`,
	none: () => 'no networks',
};

/** The networks table: name, driver, scope, subnets and the containers attached. */
export function NetworksPane({width, height}: {width: number; height: number}) {
	return <ResourceTablePane spec={networks} width={width} height={height} />;
}
