import {basename, dirname} from 'node:path';
import {DEFAULT_SOCKET, resolveTarget, type EngineTarget, type ResolveInput} from './connection.js';

/** One engine flag as given: `--host URL` or `--context NAME`. */
export type HostSpec = {kind: 'host' | 'context'; value: string};

/** An engine target with the short name the HOST column, the status bar and `:host` use. */
export type NamedTarget = {name: string; target: EngineTarget};

/** What resolveTargets looks at: every engine flag in order, and what resolveTarget needs besides. */
export type ResolveTargetsInput = Omit<ResolveInput, 'host' | 'context'> & {specs: readonly HostSpec[]};

/**
 * Resolves every engine flag to a named target. No flag means the one engine
 * the docker CLI would pick (resolveTarget). Each flag resolves on its own, so
 * `--host` and `--context` mix freely. Throws ConnectionConfigError (exit 2)
 * for a malformed value.
 */
export function resolveTargets(input: ResolveTargetsInput): NamedTarget[] {
	const {specs, ...rest} = input;
	const targets = specs.length === 0
		? [resolveTarget(rest)]
		: specs.map(spec => resolveTarget({...rest, [spec.kind]: spec.value}));
	return nameTargets(targets);
}

/**
 * Short, unique names: the context's name, the ssh host (its alias), `host:port`
 * for tcp, `local` for the standard socket, else the socket's folder (or file)
 * name. A name taken twice gets `-2`, `-3` after it, in flag order.
 */
export function nameTargets(targets: readonly EngineTarget[]): NamedTarget[] {
	const taken = new Set<string>();
	return targets.map(target => {
		const base = baseName(target);
		let name = base;
		for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
		taken.add(name);
		return {name, target};
	});
}

function baseName(target: EngineTarget): string {
	const context = /^context "(.+)"$/.exec(target.source);
	if (context) return context[1]!;
	if (target.kind === 'ssh') return target.host;
	if (target.kind === 'tcp') return `${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;
	if (target.socketPath === DEFAULT_SOCKET) return 'local';
	const file = basename(target.socketPath);
	// docker.sock and podman.sock say little; the folder holding them says which engine it is.
	if (file === 'docker.sock') return basename(dirname(target.socketPath)) || 'local';
	return file.replace(/\.sock$/, '') || 'local';
}

/** The user's ssh settings, applied to every ssh:// target (see withSshSettings). */
export type SshSettings = {configFile?: string; remoteSocket?: string};

/** `targets` with --ssh-config / PORTHOLE_SSH_CONFIG and --remote-socket set on each ssh one. */
export function withSshSettings<T extends {target: EngineTarget}>(targets: readonly T[], settings: SshSettings): T[] {
	return targets.map(named => named.target.kind !== 'ssh' ? named : {...named, target: {...named.target, ...definedOnly(settings)}});
}

function definedOnly(settings: SshSettings): SshSettings {
	const out: SshSettings = {};
	if (settings.configFile) out.configFile = settings.configFile;
	if (settings.remoteSocket) out.remoteSocket = settings.remoteSocket;
	return out;
}
