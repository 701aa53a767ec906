import {Box} from 'ink';
import {PullPanel, pullPanelHeight} from '../components/pull-panel.js';
import type {ImageView} from '../domain/image.js';
import {imageColumnSpecs} from '../format/image-cells.js';
import {plural} from '../format/plural.js';
import {useStore} from '../hooks/use-store.js';
import {labelFor} from '../keys/key-labels.js';
import {hiddenImageCount, selectImageRows} from '../store/resources-selectors.js';
import {ResourceTablePane, type ResourceTableSpec} from './resource-table-pane.js';

const images: ResourceTableSpec<ImageView> = {
	table: 'images',
	title: 'Images',
	noun: 'image',
	rows: selectImageRows,
	keyOf: row => row.key,
	hostOf: row => row.image.host,
	columns: imageColumnSpecs,
	caption: (rows, state) => {
		const hidden = hiddenImageCount(state);
		return `${plural(rows.length, 'image row')}${hidden > 0 ? `, ${hidden} untagged hidden (${labelFor('toggle-untagged', 'images')} shows them)` : ''}`;
	},
	none: state => {
		const pull = labelFor('pull', 'images', state.readOnly);
		return `no images${pull ? ` (${pull} pulls one)` : ''}`;
	},
	sortKeyOf: key => (key === 'users' ? 'containers' : key),
};

/** The images table: one row per tag, a caption with counts, and the pull's progress below when there is one. */
export function ImagesPane({width, height}: {width: number; height: number}) {
	const pull = useStore(state => state.resources.pull);
	const panel = pull ? pullPanelHeight(pull.layers.length, Math.max(3, Math.floor(height / 2))) : 0;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<ResourceTablePane spec={images} width={width} height={height - panel} />
			{pull && panel > 0 ? <PullPanel progress={pull} width={width} height={panel} cancelKey={labelFor('back', 'images') ?? ''} /> : null}
		</Box>
	);
}
