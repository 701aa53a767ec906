import type {ViewName} from '../store/state.js';

/** Names and short aliases the `:` command line and the CLI accept for each view. */
export const viewNames: Record<string, ViewName> = {
	containers: 'containers',
	container: 'containers',
	co: 'containers',
	ps: 'containers',
	help: 'help',
	h: 'help',
	'?': 'help',
	images: 'images',
	image: 'images',
	im: 'images',
	volumes: 'volumes',
	volume: 'volumes',
	vol: 'volumes',
	networks: 'networks',
	network: 'networks',
	net: 'networks',
	df: 'disk',
	disk: 'disk',
	du: 'disk',
	logs: 'logs',
	log: 'logs',
	events: 'events',
	ev: 'events',
};

/** The view a typed name means, if any. */
export function parseView(text: string): ViewName | undefined {
	return viewNames[text.trim().replace(/^:/, '').toLowerCase()];
}
