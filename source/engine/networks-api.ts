import type Dockerode from 'dockerode';
import {eachLimited} from '../domain/each-limited.js';
import type {NetworkRow} from '../domain/network.js';
import {classified} from './resource-errors.js';
import {signalled, withDeadline} from './deadline.js';

/** The network calls: list (with attached containers) and remove. */
export type NetworksApi = {
	/** Every network with the containers attached to it (one inspect per network: the list leaves them out). */
	listNetworks(): Promise<NetworkRow[]>;
	/** Removes a network; throws ConflictError when containers are attached. */
	removeNetwork(id: string): Promise<void>;
};

type RawNetwork = {
	Id: string;
	Name: string;
	Driver?: string;
	Scope?: string;
	Created?: string;
	Internal?: boolean;
	IPAM?: {Config?: Array<{Subnet?: string}> | null};
	Containers?: Record<string, {Name?: string; IPv4Address?: string}> | null;
};

/** A network inspect as a row; attached containers sorted by name. */
export function networkFromRaw(raw: RawNetwork): NetworkRow {
	const created = raw.Created ? Date.parse(raw.Created) : 0;
	return {
		id: raw.Id,
		name: raw.Name,
		driver: raw.Driver ?? '',
		scope: raw.Scope ?? '',
		subnets: (raw.IPAM?.Config ?? []).map(config => config.Subnet ?? '').filter(Boolean),
		internal: raw.Internal ?? false,
		containers: Object.entries(raw.Containers ?? {})
			.map(([id, member]) => ({id, name: member.Name ?? id.slice(0, 12), ipv4: member.IPv4Address ?? ''}))
			.sort((a, b) => a.name.localeCompare(b.name)),
		createdAt: Number.isFinite(created) && created > 0 ? created : 0,
	};
}

/** The network calls over one dockerode client. */
export function networksApi(docker: Dockerode): NetworksApi {
	return {
		async listNetworks() {
			const list = (await withDeadline('list networks', signal => docker.listNetworks(signalled({}, signal)))) as unknown as RawNetwork[];
			const rows: NetworkRow[] = [];
			await eachLimited(list, 8, async summary => {
				try {
					rows.push(networkFromRaw((await withDeadline('inspect network', () => docker.getNetwork(summary.Id).inspect())) as RawNetwork));
				} catch {
					rows.push(networkFromRaw(summary)); // Removed meanwhile, or refused: the summary still says what it was.
				}
			});
			return rows;
		},
		async removeNetwork(id) {
			await classified(() => docker.getNetwork(id).remove());
		},
	};
}
