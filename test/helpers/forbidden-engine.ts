import type {Engine} from '../../source/engine/engine.js';

/** An Engine for code paths that must never reach Docker, with a log of what was touched anyway. */
export type ForbiddenEngine = Engine & {calls: string[]};

/**
 * Builds an Engine whose every method records its name and throws "engine must
 * not be called". It mocks no Docker behaviour: tests use it to prove that a
 * path (read-only, a cancelled confirmation, navigation) leaves the engine alone.
 */
export function forbiddenEngine(): ForbiddenEngine {
	const calls: string[] = [];
	const forbid = (name: string) => (..._args: unknown[]): never => {
		calls.push(name);
		throw new Error(`engine must not be called (${name})`);
	};
	return {
		calls,
		ping: forbid('ping'),
		engineId: forbid('engineId'),
		product: forbid('product'),
		ready: forbid('ready'),
		close: forbid('close'),
		probe: forbid('probe'),
		listContainers: forbid('listContainers'),
		listContainersAt: forbid('listContainersAt'),
		swarmRole: forbid('swarmRole'),
		listServices: forbid('listServices'),
		listTasks: forbid('listTasks'),
		listNodes: forbid('listNodes'),
		scaleService: forbid('scaleService'),
		forceUpdateService: forbid('forceUpdateService'),
		rollbackService: forbid('rollbackService'),
		removeService: forbid('removeService'),
		setNodeAvailability: forbid('setNodeAvailability'),
		inspectContainer: forbid('inspectContainer'),
		events: forbid('events'),
		stats: forbid('stats'),
		statsOnce: forbid('statsOnce'),
		containerAction: forbid('containerAction'),
		findShell: forbid('findShell'),
		execCollect: forbid('execCollect'),
		execInteractive: forbid('execInteractive'),
		attachInteractive: forbid('attachInteractive'),
		top: forbid('top'),
		inspectJson: forbid('inspectJson'),
		listImages: forbid('listImages'),
		imageHistory: forbid('imageHistory'),
		imageUsers: forbid('imageUsers'),
		removeImage: forbid('removeImage'),
		pruneImages: forbid('pruneImages'),
		tagImage: forbid('tagImage'),
		commitContainer: forbid('commitContainer'),
		pushImage: forbid('pushImage'),
		saveImages: forbid('saveImages'),
		loadImages: forbid('loadImages'),
		buildImage: forbid('buildImage'),
		copyFromContainer: forbid('copyFromContainer'),
		copyToContainer: forbid('copyToContainer'),
		statContainerPath: forbid('statContainerPath'),
		listContainerFolder: forbid('listContainerFolder'),
		pullImage: forbid('pullImage'),
		searchImages: forbid('searchImages'),
		listVolumes: forbid('listVolumes'),
		volumeUsers: forbid('volumeUsers'),
		createVolume: forbid('createVolume'),
		removeVolume: forbid('removeVolume'),
		pruneVolumes: forbid('pruneVolumes'),
		listNetworks: forbid('listNetworks'),
		removeNetwork: forbid('removeNetwork'),
		diskUsage: forbid('diskUsage'),
		logLines: forbid('logLines'),
		saveLog: forbid('saveLog'),
		explain: forbid('explain'),
		isGone: forbid('isGone'),
		get description(): string {
			calls.push('description');
			throw new Error('engine must not be called (description)');
		},
	};
}
