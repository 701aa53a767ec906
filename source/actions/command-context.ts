import type {Engine} from '../engine/engine.js';
import type {SaveColumns} from './columns-commands.js';
import type {Binding, CommandId} from '../keys/keymap.js';
import type {Store} from '../store/store.js';

/** What `:ctx` may do with the hosts on screen; built by the composition root. */
export type HostControl = {
	/** The docker CLI's context names. */
	contexts(): string[];
	/** Connects to context `name`: in place of every host on screen, or besides them with `add`. Resolves with what to tell the user. */
	useContext(name: string, add: boolean): Promise<{text: string; level: 'info' | 'error'}>;
};

/** What commands may reach: the engine, the store, and the terminal's owner. */
export type CommandContext = {
	/**
	 * The engine: with several hosts, a router that sends each call to the
	 * engine owning the container, image, volume or network it names.
	 */
	engine: Engine;
	/** Every engine by host name (several hosts on one screen); absent in tests of one engine. */
	engines?: ReadonlyMap<string, Engine>;
	/** `:ctx`; absent where hosts cannot change (tests). */
	hosts?: HostControl;
	store: Store;
	quit: () => void;
	/**
	 * Hands the real terminal to `session` (exec, attach): Ink stops rendering
	 * and reading input until the promise settles, then redraws.
	 */
	suspend?: (session: () => Promise<void>) => Promise<void>;
	/** `:columns save`: writes a table's columns to the config file (the composition root knows which). */
	saveColumns?: SaveColumns;
	/** The keymap row that started the command: whether it confirms is read from here (actions/confirm.ts). */
	binding?: Binding;
};

/** What a command does in one scope. */
export type Handler = (context: CommandContext) => void;

/** The handlers one view contributes, by command. */
export type Handlers = Partial<Record<CommandId, Handler>>;
