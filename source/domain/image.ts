/** One image as the engine lists it, plainly typed. */
export type ImageRow = {
	/** The short name of the engine it is on, when several are on screen. */
	host?: string;
	/** Full ID, "sha256:…". */
	id: string;
	/** "repo:tag" references; empty for dangling and intermediate images. */
	tags: string[];
	digests: string[];
	parentId: string;
	/** Epoch milliseconds. */
	createdAt: number;
	/** Bytes, including layers shared with other images. */
	size: number;
	/** Bytes shared with other images; -1 when the engine has not said (it says in disk usage). */
	sharedSize: number;
	labels: Record<string, string>;
};

/** What kind of row an image gives: a tag, or an untagged image. */
export type ImageKind = 'tagged' | 'dangling' | 'intermediate';

/** One row of the images pane: one per tag, or one for an untagged image. */
export type ImageTagRow = {
	/** Stable key: image ID and tag. */
	key: string;
	image: ImageRow;
	/** "repo:tag"; undefined for an untagged image (shown as `<none>`). */
	tag?: string;
	kind: ImageKind;
};

/** One layer of an image's history, newest first as the engine gives it. */
export type HistoryLayer = {
	/** Image ID of the layer, or "<missing>" for layers pulled from a registry. */
	id: string;
	/** Epoch milliseconds. */
	createdAt: number;
	createdBy: string;
	size: number;
	tags: string[];
	comment: string;
};

/**
 * Splits images into rows, one per tag. Untagged images are "intermediate"
 * when another image names them as parent (build steps), else "dangling".
 */
export function imageTagRows(images: Iterable<ImageRow>): ImageTagRow[] {
	const list = [...images];
	const parents = new Set(list.map(image => image.parentId).filter(Boolean));
	const rows: ImageTagRow[] = [];
	for (const image of list) {
		// The same image on two hosts is two rows: the host keeps their keys apart.
		const id = image.host === undefined ? image.id : `${image.host}|${image.id}`;
		if (image.tags.length === 0) {
			rows.push({key: id, image, kind: parents.has(image.id) ? 'intermediate' : 'dangling'});
			continue;
		}
		for (const tag of image.tags) rows.push({key: `${id}|${tag}`, image, tag, kind: 'tagged'});
	}
	return rows;
}

/** The short ID `docker images` shows: 12 hex digits without "sha256:". */
export function shortImageId(id: string): string {
	return id.replace(/^sha256:/, '').slice(0, 12);
}

/** Splits "repo:tag" at the last colon that is not part of a registry port. */
export function splitReference(reference: string): {repository: string; tag: string} {
	const at = reference.indexOf('@');
	if (at !== -1) return {repository: reference.slice(0, at), tag: reference.slice(at + 1)};
	const colon = reference.lastIndexOf(':');
	if (colon > reference.lastIndexOf('/')) return {repository: reference.slice(0, colon), tag: reference.slice(colon + 1)};
	return {repository: reference, tag: 'latest'};
}

/** An image row with what the containers and disk-usage data add: who uses it, and the shared size (-1 unknown). */
export type ImageView = ImageTagRow & {users: string[]; sharedSize: number};
