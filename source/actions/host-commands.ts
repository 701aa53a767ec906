import {hostNames} from '../store/hosts-slice.js';
import {notify, setUi} from '../store/ui-slice.js';
import type {CommandContext} from './command-context.js';

/** Completes `text` against `names`: an exact name, else the one name it begins. */
export function complete(text: string, names: readonly string[]): string | undefined {
	if (names.includes(text)) return text;
	const matches = names.filter(name => name.startsWith(text));
	return matches.length === 1 ? matches[0] : undefined;
}

/**
 * The `:` lines about hosts, or false when `text` is not one:
 * - `:host NAME` shows only that host's rows (a unique prefix will do); `:host` alone shows all again;
 * - `:ctx` lists the docker CLI's contexts; `:ctx NAME` switches to one;
 *   `:ctx +NAME` adds it to the hosts on screen.
 */
export function runHostLine(text: string, context: CommandContext): boolean {
	const [word = '', ...rest] = text.trim().replace(/^:/, '').split(/\s+/);
	const argument = rest.join(' ');
	const {store} = context;
	if (word === 'host' || word === 'hosts') {
		const names = hostNames(store.getSnapshot());
		if (argument === '') {
			store.update(state => notify(setUi(state, {hostFilter: undefined}), `showing every host: ${names.join(', ')}`));
			return true;
		}
		const name = complete(argument, names);
		if (!name) store.update(state => notify(state, `no host "${argument}" (hosts: ${names.join(', ')})`, 'error'));
		else store.update(state => notify(setUi(state, {hostFilter: name}), `showing host ${name} only (:host alone shows all)`));
		return true;
	}
	if (word === 'ctx' || word === 'context') {
		const control = context.hosts;
		if (!control) {
			store.update(state => notify(state, 'contexts cannot be changed here', 'error'));
			return true;
		}
		const names = control.contexts();
		if (argument === '' || argument === '+') {
			store.update(state => notify(state, `contexts: ${names.join(', ')} (:ctx NAME switches, :ctx +NAME adds)`));
			return true;
		}
		const add = argument.startsWith('+');
		const wanted = add ? argument.slice(1) : argument;
		const name = complete(wanted, names);
		if (!name) {
			store.update(state => notify(state, `no docker context "${wanted}" (contexts: ${names.join(', ')})`, 'error'));
			return true;
		}
		void control.useContext(name, add).then(result => store.update(state => notify(state, result.text, result.level)));
		return true;
	}
	return false;
}
