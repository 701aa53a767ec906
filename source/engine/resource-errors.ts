/**
 * Errors of the image, volume and network calls that the actions tell apart:
 * the engine refused because something uses the object (HTTP 409), or the
 * object is gone (404). Anything else stays the engine's own error.
 */

/** The engine refused because the object is in use (HTTP 409); `message` is the engine's own words. */
export class ConflictError extends Error {
	override readonly name = 'ConflictError';
}

/** The object does not exist (HTTP 404). */
export class NotFoundError extends Error {
	override readonly name = 'NotFoundError';
}

/** The HTTP status of a dockerode error, if it has one. */
export function httpStatus(error: unknown): number | undefined {
	const status = (error as {statusCode?: unknown} | undefined)?.statusCode;
	return typeof status === 'number' ? status : undefined;
}

/** The engine's own message from a dockerode error: the JSON body's `message`, else the error's. */
export function engineWords(error: unknown): string {
	const json = (error as {json?: unknown} | undefined)?.json;
	if (json && typeof json === 'object' && 'message' in json && typeof json.message === 'string') return json.message;
	if (typeof json === 'string' && json) return json;
	if (Buffer.isBuffer(json) && json.length > 0) return json.toString('utf8');
	return error instanceof Error ? error.message : String(error);
}

/** Runs an engine call, turning 409 and 404 answers into ConflictError and NotFoundError. */
export async function classified<T>(call: () => Promise<T>): Promise<T> {
	try {
		return await call();
	} catch (error) {
		const status = httpStatus(error);
		if (status === 409) throw new ConflictError(engineWords(error).trim(), {cause: error});
		if (status === 404) throw new NotFoundError(engineWords(error).trim(), {cause: error});
		throw error;
	}
}
