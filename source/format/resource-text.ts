/**
 * Words and figures for the images, volumes, networks and disk-usage views:
 * sizes as `docker images` prints them, reclaimable shares, lists of names,
 * layer commands, and what a failed pull means.
 */
import {formatDecimalBytes} from './bytes.js';
import {sanitizeText} from './sanitize.js';

/** A size as `docker images` and `docker system df` print it (decimal units, three digits); "-" when unknown (negative). */
export function formatSize(bytes: number): string {
	return bytes < 0 || !Number.isFinite(bytes) ? '-' : formatDecimalBytes(bytes);
}

/** Reclaimable bytes and their share of the total, as `docker system df` prints them: "1.2MB (45%)". */
export function formatReclaimable(reclaimable: number, total: number): string {
	const size = formatSize(reclaimable);
	if (!(total > 0) || reclaimable < 0) return size;
	return `${size} (${Math.floor((reclaimable * 100) / total)}%)`;
}

/** Names for a dialog or message: sanitised, the first `max` of them, then "and N more". */
export function nameList(names: readonly string[], max = 5): string {
	const shown = names.slice(0, max).map(name => sanitizeText(name));
	const rest = names.length - shown.length;
	return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

/**
 * A layer's created-by command as `docker history` shows it: the shell
 * wrapper and the `#(nop)` marker of metadata-only steps dropped, whitespace
 * runs collapsed, sanitised. Empty for imported layers.
 */
export function formatCreatedBy(createdBy: string): string {
	const text = sanitizeText(createdBy).replace(/\s+/g, ' ').trim();
	return text.replace(/^\/bin\/sh -c #\(nop\)\s*/, '').replace(/^\/bin\/sh -c /, 'RUN ');
}

/**
 * What the CREATED BY column says for a layer: its command, or for a layer
 * with none, where it came from. `docker import` leaves the comment
 * "Imported from -" (a tarball read from stdin) or "Imported from <url>".
 */
export function formatLayerOrigin(createdBy: string, comment: string): string {
	const command = formatCreatedBy(createdBy);
	if (command) return command;
	const said = sanitizeText(comment).replace(/\s+/g, ' ').trim();
	const imported = /^Imported from (.*)$/i.exec(said);
	if (imported) return imported[1] === '-' || imported[1] === '' ? 'imported from a tarball (docker import)' : `imported from ${imported[1]} (docker import)`;
	return said || '(no command: added layer)';
}

/** What a failed pull means, in one line: a bad name, an unknown image, an unreachable registry, or the engine's words. */
export function pullFailureText(reference: string, words: string): string {
	const said = sanitizeText(words).replace(/\s+/g, ' ').trim().replace(/^\(HTTP code \d+\)[^-]*- /, '');
	const ref = sanitizeText(reference);
	if (/invalid reference format|repository name must be|invalid tag format/i.test(said)) return `"${ref}" is not a valid image name (name:tag, lower case): ${said}`;
	if (/connection refused|no such host|i\/o timeout|network is unreachable|dial tcp|TLS handshake|server gave HTTP response to HTTPS client/i.test(said)) return `cannot reach the registry for ${ref}: ${said}`;
	if (/manifest unknown|not found|repository does not exist|pull access denied|name unknown/i.test(said)) return `${ref} was not found in its registry: ${said}`;
	return `pull ${ref} failed: ${said}`;
}
