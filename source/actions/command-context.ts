import type {Engine} from '../engine/engine.js';
import type {Binding, CommandId} from '../keys/keymap.js';
import type {Store} from '../store/store.js';

/** What commands may reach: the engine, the store, and the terminal's owner. */
export type CommandContext = {
	engine: Engine;
	store: Store;
	quit: () => void;
	/**
	 * Hands the real terminal to `session` (exec, attach): Ink stops rendering
	 * and reading input until the promise settles, then redraws.
	 */
	suspend?: (session: () => Promise<void>) => Promise<void>;
	/** The keymap row that started the command: whether it confirms is read from here (actions/confirm.ts). */
	binding?: Binding;
};

/** What a command does in one scope. */
export type Handler = (context: CommandContext) => void;

/** The handlers one view contributes, by command. */
export type Handlers = Partial<Record<CommandId, Handler>>;
