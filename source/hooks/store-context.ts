import {createContext} from 'react';
import type {MouseEvent} from '../domain/mouse.js';
import type {Store} from '../store/store.js';

/**
 * Who may take the real terminal: the App registers Ink's `suspendTerminal`
 * here (hooks/use-terminal-handover.ts), and the composition root passes it
 * to commands as `CommandContext.suspend`.
 */
export type TerminalOwner = {suspend?: (session: () => Promise<void>) => Promise<void>};

/** What the component tree can reach: the store to read, the one key dispatcher, and the terminal's owner. */
export type AppServices = {store: Store; dispatch: (key: string, input: string) => void; terminal?: TerminalOwner; mouse?: (event: MouseEvent) => void};

/** Carries the services from the composition root to hooks; panes never read it directly. */
export const ServicesContext = createContext<AppServices | undefined>(undefined);
