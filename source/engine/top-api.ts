import type Dockerode from 'dockerode';
import {signalled, withDeadline} from './deadline.js';

/** The engine's answer to top: column titles and one row of strings per process. */
export type TopResult = {titles: string[]; processes: string[][]};

/** Process listing of a running container. */
export type TopApi = {
	/**
	 * Runs the engine's top. With `psArgs` the engine runs `ps <psArgs>`; engines
	 * that reject them (some ps implementations, Podman) throw, and the caller
	 * falls back to calling without.
	 */
	top(id: string, psArgs?: string): Promise<TopResult>;
};

/** The top call over one dockerode client. */
export function topApi(docker: Dockerode): TopApi {
	return {
		async top(id, psArgs) {
			const answer = (await withDeadline('top', signal => docker.getContainer(id).top(signalled(psArgs ? {ps_args: psArgs} : {}, signal)))) as {Titles?: string[] | null; Processes?: string[][] | null};
			return {titles: answer.Titles ?? [], processes: answer.Processes ?? []};
		},
	};
}
