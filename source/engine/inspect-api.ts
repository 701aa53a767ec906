import type Dockerode from 'dockerode';
import type {InspectKind} from '../domain/engine-object.js';
import {signalled, withDeadline} from './deadline.js';

export type {InspectKind} from '../domain/engine-object.js';

/** The raw inspect documents, for the generic inspect view. */
export type InspectApi = {
	/** The engine's full inspect JSON for one object, or undefined when it no longer exists. */
	inspectJson(kind: InspectKind, id: string): Promise<unknown>;
};

/** The inspect calls over one dockerode client. */
export function inspectApi(docker: Dockerode): InspectApi {
	return {
		async inspectJson(kind, id) {
			try {
				switch (kind) {
					case 'container': return await withDeadline('inspect', signal => docker.getContainer(id).inspect(signalled({}, signal)));
					case 'image': return await withDeadline('inspect image', () => docker.getImage(id).inspect());
					case 'volume': return await withDeadline('inspect volume', () => docker.getVolume(id).inspect());
					case 'network': return await withDeadline('inspect network', () => docker.getNetwork(id).inspect());
				}
			} catch (error) {
				if ((error as {statusCode?: number}).statusCode === 404) return undefined;
				throw error;
			}
		},
	};
}
