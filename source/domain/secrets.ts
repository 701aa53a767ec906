/** What a masked value shows instead; fixed, so the length of the secret is not revealed either. */
export const maskText = '••••••••';

/** Name parts that mark a secret wherever they appear inside a word (PGPASSWORD, GITHUB_TOKEN). */
const secretWords = /PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|CREDENTIAL|APIKEY|PRIVATEKEY|ACCESSKEY|AUTH_?KEY|SESSION_?KEY|SIGNING_?KEY|ENCRYPTION_?KEY|CONNECTION_?STRING|DSN/;
/** Short name parts that mark a secret only as a whole part (API_KEY, DB_PASS; not KEYBOARD or PASSAGE). */
const secretParts = new Set(['KEY', 'PASS', 'PWD', 'PW', 'AUTH', 'CREDS', 'COOKIE', 'SALT']);

/** Engine fields whose names look secret but hold none (SandboxKey is a netns path). */
const notSecret = new Set(['SandboxKey']);

/**
 * True when an environment variable or label name looks like it holds a
 * secret. Names are split into parts at `_ . - /` and camelCase boundaries.
 */
export function looksSecret(name: string): boolean {
	if (notSecret.has(name)) return false;
	const upper = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
	if (secretWords.test(upper.replace(/[^A-Z0-9_]/g, '_'))) return true;
	return upper.split(/[^A-Z0-9]+/).some(part => secretParts.has(part));
}

/** Masks the value of one `NAME=value` entry when NAME looks secret. */
export function maskEnvEntry(entry: string): string {
	const eq = entry.indexOf('=');
	if (eq <= 0 || !looksSecret(entry.slice(0, eq)) || eq === entry.length - 1) return entry;
	return `${entry.slice(0, eq + 1)}${maskText}`;
}

/** Labels as `key=value` entries, the values of secret-looking keys masked: the detail area's labels line. */
export function maskedLabels(labels: Readonly<Record<string, string>>): string[] {
	return Object.entries(labels).map(([key, value]) => `${key}=${value !== '' && looksSecret(key) ? maskText : value}`);
}

/**
 * Free text (a command line) with every `NAME=value` word masked when NAME
 * looks secret, as in `--db-password=hunter2` or `env API_TOKEN=x run`. The
 * same rule as for Env entries and labels: the name decides, never the value.
 */
export function maskPairs(text: string): string {
	return text.replace(/(^|[\s'"])(-{0,2}[A-Za-z_][\w.-]*)=([^\s'"]+)/g, (whole, lead: string, name: string) =>
		looksSecret(name.replace(/^-+/, '')) ? `${lead}${name}=${maskText}` : whole);
}

/**
 * A copy of an inspect document with secret-looking values masked: entries of
 * any `Env` array (`NAME=value`), and string values under secret-looking keys
 * anywhere (labels, options). Counts what it masked. Works on any JSON.
 */
export function maskSecrets(document: unknown): {value: unknown; masked: number} {
	let masked = 0;
	const walk = (value: unknown, key: string | undefined): unknown => {
		if (Array.isArray(value)) {
			const isEnv = key !== undefined && key.toLowerCase() === 'env';
			return value.map(item => {
				if (isEnv && typeof item === 'string') {
					const next = maskEnvEntry(item);
					if (next !== item) masked++;
					return next;
				}
				return walk(item, undefined);
			});
		}
		if (value !== null && typeof value === 'object') {
			const out: Record<string, unknown> = {};
			for (const [name, inner] of Object.entries(value)) {
				if (typeof inner === 'string' && inner !== '' && looksSecret(name)) {
					out[name] = maskText;
					masked++;
				} else {
					out[name] = walk(inner, name);
				}
			}
			return out;
		}
		return value;
	};
	return {value: walk(document, undefined), masked};
}
