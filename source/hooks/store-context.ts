import {createContext} from 'react';
import type {Store} from '../store/store.js';

/** What the component tree can reach: the store to read, and the one key dispatcher. */
export type AppServices = {store: Store; dispatch: (key: string, input: string) => void};

/** Carries the services from the composition root to hooks; panes never read it directly. */
export const ServicesContext = createContext<AppServices | undefined>(undefined);
