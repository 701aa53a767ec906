/** One volume as the engine lists it, with its size when disk usage has been read. */
export type VolumeRow = {
	/** The short name of the engine it is on, when several are on screen. */
	host?: string;
	name: string;
	driver: string;
	mountpoint: string;
	scope: string;
	/** Epoch milliseconds; 0 when unknown. */
	createdAt: number;
	labels: Record<string, string>;
	/** True for volumes made for a container without a name (`-v /data`). */
	anonymous: boolean;
};

/** The label Engine 23+ sets on anonymous volumes. */
const anonymousLabel = 'com.docker.volume.anonymous';

/** Anonymous volumes carry the engine's label (Engine 23+) or, before that, a 64-hex-digit generated name. */
export function isAnonymousVolume(name: string, labels: Record<string, string>): boolean {
	return anonymousLabel in labels || /^[0-9a-f]{64}$/.test(name);
}

/** A volume row with its size from disk usage (-1 unknown) and the names of the containers that mount it. */
export type VolumeView = VolumeRow & {size: number; users: string[]};
