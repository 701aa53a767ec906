import type {ReactNode} from 'react';
import {NodesPane} from './nodes-pane.js';
import {ServicesPane} from './services-pane.js';
import {StacksPane} from './stacks-pane.js';
import {TasksPane} from './tasks-pane.js';

/** The Swarm views' panes, spread into the app's registry. */
export const swarmPanes: Record<'services' | 'tasks' | 'nodes' | 'stacks', (props: {width: number; height: number}) => ReactNode> = {
	services: ServicesPane,
	tasks: TasksPane,
	nodes: NodesPane,
	stacks: StacksPane,
};
