/** A container attached to a network. */
export type NetworkMember = {id: string; name: string; ipv4: string};

/** One network with the containers attached to it. */
export type NetworkRow = {
	/** The short name of the engine it is on, when several are on screen. */
	host?: string;
	id: string;
	name: string;
	driver: string;
	scope: string;
	subnets: string[];
	internal: boolean;
	containers: NetworkMember[];
	/** Epoch milliseconds; 0 when unknown. */
	createdAt: number;
};

/** Networks every engine has; the engine refuses to remove them, and so do we, before asking. */
export const builtinNetworks: ReadonlySet<string> = new Set(['bridge', 'host', 'none']);
