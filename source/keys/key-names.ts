/** The named keys keyName (keys/dispatch.ts) gives, besides single characters and `ctrl+x`. */
export const namedKeys = ['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'return', 'escape', 'tab', 'backspace'] as const;

/** A key as the keymap spells it: one character, a named key, or ctrl+ a letter. */
export const keyNamePattern = new RegExp(`^(?:.|${namedKeys.join('|')}|ctrl\\+[a-z])$`, 'u');

/** What a config may name, for its error message. */
export const keyNameHelp = `one character, ctrl+ a letter, or one of ${namedKeys.join(', ')}`;
