import {parseView} from '../actions/views.js';
import type {ViewName} from '../store/state.js';

/** What the command line asked for. */
export type CliOptions = {
	host?: string;
	context?: string;
	readOnly: boolean;
	once: boolean;
	json: boolean;
	help: boolean;
	version: boolean;
	view: ViewName;
};

/** A command line we cannot make sense of. */
export class UsageError extends Error {}

/** The text `--help` prints. */
export const usage = `Usage: porthole [view] [options]

A terminal UI that watches and drives a Docker engine.

Views:      containers (default), help
Options:
  -H, --host URL      engine to use: unix:///path, tcp://host:port, ssh://user@host
                      (default: --context, DOCKER_HOST, the docker CLI context,
                      /var/run/docker.sock, then Podman's socket)
  -c, --context NAME  use a docker CLI context
      --read-only     hide and refuse every command that changes the engine
      --once          print a snapshot table of the containers and exit
      --json          print the snapshot as one JSON document and exit
  -h, --help          show this help
  -v, --version       show the version

When stdout is not a terminal, Porthole prints the snapshot table instead of the UI.
Exit codes: 0 ok, 1 unexpected failure, 2 bad usage or DOCKER_HOST, 3 engine
unreachable, 4 permission denied on the engine's socket.`;

/** Parses argv (without node and script). Throws UsageError with a one-line message. */
export function parseArgs(argv: string[]): CliOptions {
	const options: CliOptions = {readOnly: false, once: false, json: false, help: false, version: false, view: 'containers'};
	const value = (flag: string, next: string | undefined): string => {
		if (next === undefined || next.startsWith('-')) throw new UsageError(`${flag} needs a value`);
		return next;
	};
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index] ?? '';
		const eq = arg.indexOf('=');
		const [flag, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
		const booleanFlag = ['--read-only', '--once', '--json', '--help', '--version'].includes(flag ?? '');
		if (booleanFlag && inline !== undefined) throw new UsageError(`${flag} takes no value`);
		switch (flag) {
			case '-H': case '--host': options.host = inline ?? value(flag, argv[++index]); break;
			case '-c': case '--context': options.context = inline ?? value(flag, argv[++index]); break;
			case '--read-only': options.readOnly = true; break;
			case '--once': options.once = true; break;
			case '--json': options.json = true; break;
			case '-h': case '--help': options.help = true; break;
			case '-v': case '--version': options.version = true; break;
			default: {
				if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg} (see porthole --help)`);
				const view = parseView(arg);
				if (!view) throw new UsageError(`unknown view "${arg}" (try: containers, help)`);
				options.view = view;
			}
		}
	}
	return options;
}
