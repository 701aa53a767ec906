import {engineMessage} from './engine-message.js';

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


/** Runs an engine call, turning 409 and 404 answers into ConflictError and NotFoundError. */
export async function classified<T>(call: () => Promise<T>): Promise<T> {
	try {
		return await call();
	} catch (error) {
		const status = httpStatus(error);
		if (status === 409) throw new ConflictError(engineMessage(error).trim(), {cause: error});
		if (status === 404) throw new NotFoundError(engineMessage(error).trim(), {cause: error});
		throw error;
	}
}
