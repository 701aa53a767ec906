import type {VolumeView} from '../domain/volume.js';
import {volumeColumnSpecs} from '../format/volume-cells.js';
import {labelFor} from '../keys/key-labels.js';
import {selectVolumeRows} from '../store/resources-selectors.js';
import {ResourceTablePane, type ResourceTableSpec} from './resource-table-pane.js';

const volumes: ResourceTableSpec<VolumeView> = {
	table: 'volumes',
	title: 'Volumes',
	noun: 'volume',
	rows: selectVolumeRows,
	keyOf: row => row.name,
	hostOf: row => row.host,
	columns: volumeColumnSpecs,
	caption: rows => `${rows.length} shown, ${rows.filter(row => row.users.length > 0).length} in use, ${rows.filter(row => row.anonymous).length} anonymous`,
	none: state => {
		const create = labelFor('create', 'volumes', state.readOnly);
		return `no volumes${create ? ` (${create} creates one)` : ''}`;
	},
	sortKeyOf: key => (key === 'users' ? 'containers' : key),
};

/** The volumes table: name (anonymous ones marked), driver, size from disk usage, age, the containers using it, mountpoint. */
export function VolumesPane({width, height}: {width: number; height: number}) {
	return <ResourceTablePane spec={volumes} width={width} height={height} />;
}
