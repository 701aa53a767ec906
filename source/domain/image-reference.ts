/** A "repo:tag" split into its parts, as the engine's tag and commit calls take them. */
export type RepoTag = {repo: string; tag: string};

// The distribution reference grammar, simplified: an optional registry host (with a port), then lower-case path components.
const host = String.raw`(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?)`;
const component = String.raw`[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*`;
const repoPattern = new RegExp(String.raw`^(?:${host}/)?${component}(?:/${component})*$`);
const tagPattern = /^\w[\w.-]{0,127}$/;

/**
 * Parses what a user typed as "repo[:tag]" (tag defaults to latest). Returns
 * a one-line reason instead when the engine would refuse the name: upper
 * case, spaces, a digest, an empty part or a tag over 128 characters. A
 * colon before the last slash belongs to a registry port, not a tag.
 */
export function parseRepoTag(text: string): RepoTag | {error: string} {
	const value = text.trim();
	if (value === '') return {error: 'a name is needed, e.g. myapp:1.0'};
	if (value.includes('@')) return {error: 'a digest (@sha256:…) cannot be a new tag; give repo:tag'};
	const slash = value.lastIndexOf('/');
	const colon = value.lastIndexOf(':');
	const [repo, tag] = colon > slash ? [value.slice(0, colon), value.slice(colon + 1)] : [value, 'latest'];
	if (repo.length > 255) return {error: 'the repository name is longer than 255 characters'};
	if (!repoPattern.test(repo)) {
		const onlyCase = /[A-Z]/.test(repo) && repoPattern.test(repo.toLowerCase());
		return {error: onlyCase ? `repository "${repo}" must be lower case` : `"${repo}" is not a valid repository name`};
	}
	if (!tagPattern.test(tag)) return {error: `"${tag}" is not a valid tag (letters, digits, _ . -, at most 128, not starting with . or -)`};
	return {repo, tag};
}

/** The registry host a repository lives on, as the docker CLI decides it: the first part when it has a dot, a colon or is localhost; else Docker Hub. */
export function registryHost(repo: string): string {
	const first = repo.split('/')[0] ?? '';
	if (repo.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) return first;
	return 'docker.io';
}
