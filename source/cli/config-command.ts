import {UsageError} from './args.js';
import {readConfig} from './config-load.js';

/**
 * `porthole config --default` and `porthole config --check [FILE]`: the text
 * to print on stdout. A bad file throws ConfigError (exit 2, one line).
 * Without FILE, --check reads the file Porthole would read (--config before
 * `config` works too, and PORTHOLE_CONFIG).
 */
export async function configCommand(argv: readonly string[], configFlag: string | undefined, env: NodeJS.ProcessEnv, homeDir: string): Promise<string> {
	const [what, file, ...rest] = argv;
	// The commented defaults come from the zod schema, which the TUI's start does not load.
	if (what === '--default' && file === undefined) return (await import('./default-config.js')).defaultConfigText();
	if (what === '--check' && rest.length === 0 && !file?.startsWith('-')) {
		const {source} = await readConfig(file ?? configFlag, env, homeDir);
		return source.path ? `${source.path}: ok\n` : `${source.text}: nothing to check\n`;
	}
	throw new UsageError('usage: porthole config --default | porthole config --check [FILE]');
}
