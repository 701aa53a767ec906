/**
 * Turns colour on for Ink (chalk decides its level once, when it is first
 * loaded, from FORCE_COLOR and whether stdout is a TTY; under `node --test`
 * stdout is a pipe, so frames would otherwise carry no escapes at all and
 * "only SGR escapes reach the frame" would pass vacuously).
 *
 * Import this FIRST in a pane test file, before anything that loads Ink:
 * ES modules evaluate in import order, so it runs before chalk does.
 */
process.env.FORCE_COLOR ??= '1';
