/**
 * The engine's own words from a dockerode error. dockerode puts the parsed
 * body in `json` ({message}), or a Buffer or string when it was not JSON;
 * without a body, its own text "(HTTP code 404) no such container - No such
 * container: x" gives the cause, else the reason. Other errors give their message.
 * Untrusted: callers flatten it to one line (connection-errors.ts oneLine) before showing it.
 */
export function engineMessage(error: unknown): string {
	if (typeof error !== 'object' || error === null) return String(error);
	const {json, message} = error as {json?: unknown; message?: unknown};
	if (json && typeof json === 'object' && 'message' in json && typeof json.message === 'string') return json.message;
	if (typeof json === 'string' && json) return json;
	if (Buffer.isBuffer(json) && json.length > 0) return json.toString('utf8');
	const text = typeof message === 'string' ? message : '';
	const parts = /^\(HTTP code \d+\)\s*(.*?) - (.*)$/s.exec(text);
	if (!parts) return text;
	return parts[2]!.trim() || parts[1]!;
}
