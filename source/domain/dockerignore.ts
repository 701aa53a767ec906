/** One line of a .dockerignore: a glob, and whether it re-includes (`!`). */
export type IgnoreRule = {pattern: string; exclude: boolean; regex: RegExp};

/** A path made clean the way Go's filepath.Clean does for these patterns: no `.`/`..` parts, no doubled or edge slashes. */
export function cleanPath(path: string): string {
	const parts: string[] = [];
	for (const part of path.split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') parts.pop();
		else parts.push(part);
	}
	return parts.join('/');
}

/** A Docker glob as a regex: `*` and `?` stay within a path part, `**` spans parts, `[...]` is a class, `\` escapes. */
export function globToRegex(glob: string): RegExp {
	let out = '';
	for (let i = 0; i < glob.length; i++) {
		const char = glob[i]!;
		if (char === '*') {
			if (glob[i + 1] === '*') {
				i++;
				// "**/" matches zero or more whole parts; a final "**" anything at all.
				if (glob[i + 1] === '/') {
					i++;
					out += '(?:.*/)?';
				} else {
					out += '.*';
				}
			} else {
				out += '[^/]*';
			}
		} else if (char === '?') {
			out += '[^/]';
		} else if (char === '[') {
			const end = glob.indexOf(']', i + 2);
			if (end === -1) {
				out += '\\[';
				continue;
			}
			let body = glob.slice(i + 1, end);
			if (body.startsWith('!') || body.startsWith('^')) body = `^${body.slice(1)}`;
			out += `[${body.replace(/\\/g, '\\\\')}]`;
			i = end;
		} else if (char === '\\' && i + 1 < glob.length) {
			i++;
			out += glob[i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
		} else {
			out += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
		}
	}
	return new RegExp(`^${out}$`);
}

/** Reads a .dockerignore: blank lines and `#` comments are skipped, `!` re-includes, leading `/` and `./` are dropped. */
export function parseDockerignore(text: string): IgnoreRule[] {
	const rules: IgnoreRule[] = [];
	for (const raw of text.split(/\r?\n/)) {
		let line = raw.trim();
		if (line === '' || line.startsWith('#')) continue;
		const exclude = !line.startsWith('!');
		if (!exclude) line = line.slice(1).trim();
		const pattern = cleanPath(line);
		if (pattern === '') continue;
		rules.push({pattern, exclude, regex: globToRegex(pattern)});
	}
	return rules;
}

/**
 * Whether a context path (relative, with `/`) is left out: the last rule that
 * matches the path or one of its parent folders decides, as the engine's
 * own matcher does. No rule matching means it is sent.
 */
export function isIgnored(rules: readonly IgnoreRule[], path: string): boolean {
	const clean = cleanPath(path);
	const parts = clean.split('/');
	let ignored = false;
	for (const rule of rules) {
		let matched = rule.regex.test(clean);
		for (let depth = 1; !matched && depth < parts.length; depth++) matched = rule.regex.test(parts.slice(0, depth).join('/'));
		if (matched) ignored = rule.exclude;
	}
	return ignored;
}

/** Whether a folder can be skipped whole: it is ignored and no `!` rule could bring back anything inside it. */
export function skipsFolder(rules: readonly IgnoreRule[], path: string): boolean {
	return isIgnored(rules, path) && !rules.some(rule => !rule.exclude);
}
