import {execFile} from 'node:child_process';
import {accessSync, constants} from 'node:fs';
import {composeArgv, configFiles, type ComposeVerb} from '../domain/compose-file.js';
import type {ContainerRow} from '../domain/container.js';
import {sanitizeText} from '../format/sanitize.js';
import type {Store} from '../store/store.js';
import {notify} from '../store/ui-slice.js';
import type {CommandContext} from './command-context.js';
import {askFirst} from './confirm.js';
import {runInTerminal} from './terminal-command.js';
import type {TerminalIo} from './terminal-handover.js';

/** Resolves true when `file args` exits 0 within 5 s. */
function works(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<boolean> {
	return new Promise(resolve => {
		execFile(file, args, {env, timeout: 5000}, error => resolve(!error));
	});
}

/** The compose binary on PATH: `docker compose` first, then `docker-compose`; null when neither answers `version`. */
export async function findComposeBinary(env: NodeJS.ProcessEnv = process.env): Promise<string[] | null> {
	if (await works('docker', ['compose', 'version'], env)) return ['docker', 'compose'];
	if (await works('docker-compose', ['version'], env)) return ['docker-compose'];
	return null;
}

/** The binary, looked for once and kept in the store. */
async function composeBinary(store: Store, env?: NodeJS.ProcessEnv): Promise<readonly string[] | null> {
	const known = store.getSnapshot().composeCli;
	if (known !== undefined) return known;
	const found = await findComposeBinary(env);
	store.update(state => ({...state, composeCli: found}));
	return found;
}

/** Why a project's files cannot be used here (none named, or one not readable: a remote engine's), or undefined. */
export function unreadableFiles(labels: Record<string, string>): string | undefined {
	const files = configFiles(labels);
	if (files.length === 0) return 'its containers name no compose file (com.docker.compose.project.config_files)';
	for (const file of files) {
		try {
			accessSync(file, constants.R_OK);
		} catch {
			return `${sanitizeText(file)} is not readable here`;
		}
	}
	return undefined;
}

/**
 * `up -d` or `down` on a project header through the compose binary: says in
 * one line when there is no binary or the files are not readable; else asks
 * (as the keymap says) and runs it with the terminal handed over, the
 * engine Porthole watches given as DOCKER_HOST.
 */
export async function composeProject(context: CommandContext, project: string, rows: readonly ContainerRow[], verb: ComposeVerb, env: NodeJS.ProcessEnv = process.env, io?: TerminalIo): Promise<void> {
	const {store} = context;
	const name = sanitizeText(project);
	const say = (text: string) => store.update(state => notify(state, text, 'error'));
	const binary = await composeBinary(store, env);
	if (!binary) return say(`project ${name}: no compose binary (docker compose or docker-compose) on PATH, so no ${verb === 'up' ? 'up -d' : 'down'}; s, r and D act through the Engine API`);
	const labels = rows[0]?.labels ?? {};
	const why = unreadableFiles(labels);
	if (why) return say(`project ${name}: ${why}, so no ${verb === 'up' ? 'up -d' : 'down'}`);
	const argv = composeArgv(binary, project, labels, verb);
	const target = store.getSnapshot().connection.target;
	const hostEnv: Record<string, string> = /^(unix|tcp|ssh|npipe):\/\//.test(target) ? {DOCKER_HOST: target} : {};
	const run = () => void runInTerminal(context, `${verb === 'up' ? 'compose up -d' : 'compose down'} ${project}`, {file: argv[0]!, args: argv.slice(1), env: hostEnv}, io);
	askFirst(context, {title: `Compose ${verb} ${name}`, question: `Run ${sanitizeText(argv.join(' '))}?`, target: project, run});
}
