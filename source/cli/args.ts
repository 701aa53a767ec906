import {parseView, viewList} from '../actions/views.js';
import {parseDockerFilter} from '../domain/docker-filter.js';
import type {ViewName} from '../store/state.js';
import type {HostSpec} from '../engine/targets.js';

/** What the command line asked for. */
export type CliOptions = {
	/** The only --host, when one engine flag was given. */
	host?: string;
	/** The only --context, when one engine flag was given. */
	context?: string;
	/** Every --host and --context in order, set only when more than one was given (several hosts on one screen). */
	hosts?: HostSpec[];
	/** -p/--project: only this compose project's containers. */
	project?: string;
	/** --ssh-config: the ssh client config file for ssh:// hosts (`ssh -F`); PORTHOLE_SSH_CONFIG otherwise. */
	sshConfig?: string;
	/** --remote-socket: the engine socket on ssh:// hosts, instead of finding it there. */
	remoteSocket?: string;
	/** The shell `e` tries first in a container, before bash, ash and sh. */
	shell?: string;
	/** `porthole logs NAME...`: the containers whose logs open at once (merged when several). */
	logNames?: string[];
	/** Lines the logs view holds (--log-lines). */
	logLines?: number;
	/** Lines the logs view starts with (--tail). */
	tail?: number;
	readOnly: boolean;
	/** --config FILE: the config file to read instead of the usual place. */
	config?: string;
	/** --filter, in docker's syntax (status=running, label=k=v...), each given. */
	filters?: string[];
	/** --no-color: no colours, as NO_COLOR. */
	noColor: boolean;
	/** --no-confirm: stop, restart, pause and kill act without asking (a config file setting later). */
	noConfirm: boolean;
	once: boolean;
	json: boolean;
	help: boolean;
	version: boolean;
	view: ViewName;
};

/** A command line we cannot make sense of. */
export class UsageError extends Error {}

/** Words joined by ", " and wrapped at `width`, each later line indented by `indent` spaces (the --help column). */
function wrapList(words: string[], indent: number, width: number): string {
	const lines: string[] = [];
	let line = '';
	for (const word of words) {
		const next = line ? `${line}, ${word}` : word;
		if (line && indent + next.length + 1 > width) {
			lines.push(`${line},`);
			line = word;
		} else line = next;
	}
	lines.push(line);
	return lines.join(`\n${' '.repeat(indent)}`);
}

/** The text `--help` prints. */
export const usage = `Usage: porthole [view] [options]
       porthole config --default | --check [FILE]

A terminal UI that watches and drives a Docker engine.

Views:      ${wrapList(viewList().split(', '), 12, 80)}
            (containers is the default)
            logs NAME [NAME...]  the logs of these containers, merged by time
            (inside Porthole, : opens a view by name or prefix; :q quits)
Options:
  -H, --host URL      engine to use: unix:///path, tcp://host:port,
                      ssh://user@host
                      (default: --context, DOCKER_HOST, the docker CLI context,
                      /var/run/docker.sock, then Podman's socket)
  -c, --context NAME  use a docker CLI context
                      --host and --context may be repeated and mixed: several
                      engines on one screen, with a HOST column
  -p, --project NAME  only the containers of this compose project
      --ssh-config FILE  the ssh client config for ssh:// hosts (ssh -F
                      FILE; default: PORTHOLE_SSH_CONFIG, else ~/.ssh/config)
      --remote-socket PATH  the engine socket on ssh:// hosts (default: the
                      remote DOCKER_HOST, /var/run/docker.sock, rootless
                      /run/user/UID/docker.sock, then Podman's sockets)
      --shell NAME    the shell e opens in a container, and only that one
                      (default: the first of bash, ash, sh that exists there)
      --log-lines N   lines the logs view holds in memory (default 10000)
      --tail N        lines the logs view starts with (default 1000)
      --read-only     hide and refuse every command that changes the engine
      --no-confirm    stop, restart, pause and kill without asking first
                      (remove and prune still ask)
      --config FILE   read this config file (default: $PORTHOLE_CONFIG, else
                      $XDG_CONFIG_HOME/porthole/config.yaml, else
                      ~/.config/porthole/config.yaml); flags win over it
      --filter K=V    show only the containers that match, as docker ps
                      --filter: label=KEY[=VALUE], status=STATE, name=TEXT,
                      ancestor=IMAGE, health=STATE; repeatable (same key:
                      either; other keys: both); / shows and edits it
      --no-color      no colours (as NO_COLOR)
      --once          print a snapshot table of the containers and exit
      --json          print the snapshot as one JSON document and exit
  -h, --help          show this help
  -v, --version       show the version

porthole config --default prints the complete default config, commented, with
every key binding; porthole config --check [FILE] validates a file (exit 0
or 2).

When stdout is not a terminal, Porthole prints the snapshot table instead of
the UI.
Exit codes: 0 ok, 1 unexpected failure or output not written (a full disk),
2 bad usage, DOCKER_HOST or config file, 3 engine unreachable, not answering
in time, or not a Docker engine, or an ssh host key unknown or changed (with
several hosts: every one of them), 4 permission denied on the engine's socket
or ssh authentication failed, 5 (--once/--json with several hosts) some hosts
did not answer; the others are printed.`;

/** Parses argv (without node and script). Throws UsageError with a one-line message. */
export function parseArgs(argv: string[]): CliOptions {
	const options: CliOptions = {readOnly: false, noConfirm: false, noColor: false, once: false, json: false, help: false, version: false, view: 'containers'};
	const value = (flag: string, next: string | undefined): string => {
		if (next === undefined || next.startsWith('-')) throw new UsageError(`${flag} needs a value`);
		return next;
	};
	let sawView = false;
	const specs: HostSpec[] = [];
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index] ?? '';
		const eq = arg.indexOf('=');
		const [flag, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
		const booleanFlag = ['--read-only', '--no-confirm', '--no-color', '--once', '--json', '--help', '--version'].includes(flag ?? '');
		if (booleanFlag && inline !== undefined) throw new UsageError(`${flag} takes no value`);
		switch (flag) {
			case '-H': case '--host': specs.push({kind: 'host', value: inline ?? value(flag, argv[++index])}); break;
			case '-c': case '--context': specs.push({kind: 'context', value: inline ?? value(flag, argv[++index])}); break;
			case '-p': case '--project': options.project = inline ?? value(flag, argv[++index]); break;
			case '--ssh-config': options.sshConfig = inline ?? value(flag, argv[++index]); break;
			case '--remote-socket': {
				const path = inline ?? value(flag, argv[++index]);
				if (!path.startsWith('/')) throw new UsageError(`--remote-socket needs an absolute path, not "${path}"`);
				options.remoteSocket = path;
				break;
			}
			case '--shell': options.shell = inline ?? value(flag, argv[++index]); break;
			case '--log-lines': options.logLines = count(flag, inline ?? value(flag, argv[++index]), 100, 1_000_000); break;
			case '--tail': options.tail = count(flag, inline ?? value(flag, argv[++index]), 0, 1_000_000); break;
			case '--read-only': options.readOnly = true; break;
			case '--no-color': options.noColor = true; break;
			case '--no-confirm': options.noConfirm = true; break;
			case '--config': options.config = inline ?? value(flag, argv[++index]); break;
			case '--filter': {
				const text = inline ?? value(flag, argv[++index]);
				const parsed = parseDockerFilter(text);
				if ('error' in parsed) throw new UsageError(`--filter ${parsed.error}`);
				options.filters = [...(options.filters ?? []), text];
				break;
			}
			case '--once': options.once = true; break;
			case '--json': options.json = true; break;
			case '-h': case '--help': options.help = true; break;
			case '-v': case '--version': options.version = true; break;
			default: {
				if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg} (see porthole --help)`);
				if (options.view === 'logs' && sawView) {
					options.logNames = [...(options.logNames ?? []), arg];
					break;
				}
				const view = parseView(arg);
				if (!view) throw new UsageError(`unknown view "${arg}" (views: ${viewList()})`);
				options.view = view;
				sawView = true;
			}
		}
	}
	if (specs.length > 1) options.hosts = specs;
	else if (specs[0]) options[specs[0].kind] = specs[0].value;
	if (options.view === 'logs' && !options.logNames?.length) throw new UsageError('porthole logs needs a container name (porthole logs NAME [NAME...])');
	return options;
}

/** A whole number flag within bounds, or a UsageError naming the flag. */
function count(flag: string, text: string, min: number, max: number): number {
	const n = Number(text);
	if (!/^\d+$/.test(text) || n < min || n > max) throw new UsageError(`${flag} needs a whole number from ${min} to ${max}, not "${text}"`);
	return n;
}
