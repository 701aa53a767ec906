import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {TestContainers, testHost} from '../helpers/engine.js';
import {TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));

/** SGR parameters that set a colour (30–38, 40–48, 90–97, 100–107) in every `ESC[…m` on the screen; 39 and 49 (default colours) tmux writes itself between attributes. */
function colourCodes(screen: string): number {
	let count = 0;
	for (const [, params] of screen.matchAll(/\u001b\[([0-9;:]*)m/g)) {
		for (const part of params!.split(';')) {
			const code = Number(part);
			if ((code >= 30 && code <= 38) || (code >= 40 && code <= 48) || (code >= 90 && code <= 97) || (code >= 100 && code <= 107)) count++;
		}
	}
	return count;
}

const fancy = /[\u2500-\u259f\u2800-\u28ff]/;

describe('fallbacks: NO_COLOR, --no-color, LANG=C, TERM=dumb (issue 10 #15)', () => {
	const containers = new TestContainers();
	const name = containers.name('e2e-fb');
	before(async () => {
		await containers.run(name, ['sleep', '300']);
	});
	after(async () => {
		await containers.cleanup();
	});

	/** Starts the UI with `env` and `flags`, waits for our row and the detail area, and returns the screen plain and with escapes. */
	async function look(env: Record<string, string>, flags: string[] = []) {
		const term = new TmuxSession();
		try {
			await term.start([process.execPath, cli, '--host', testHost(), ...flags], {columns: 150, rows: 40, env: {LC_ALL: '', LC_CTYPE: '', LANG: 'C.UTF-8', ...env}});
			await term.waitFor(new RegExp(`^${name}\\s`, 'm'));
			await term.waitFor(/CPU \d/);
			return {plain: await term.screen(), escaped: await term.screenWithEscapes(), alternate: await term.alternateScreen()};
		} finally {
			await term.kill();
		}
	}

	it('the default draws colours, braille and boxes on the alternate screen (so the checks below can fail)', async () => {
		const {plain, escaped, alternate} = await look({});
		assert.ok(colourCodes(escaped) > 20, `colour codes: ${colourCodes(escaped)}`);
		assert.match(plain, fancy);
		assert.equal(alternate, true);
	});

	it('NO_COLOR=1 removes every colour from the whole UI, and keeps inverse for the selection', async () => {
		const {escaped} = await look({NO_COLOR: '1'});
		assert.equal(colourCodes(escaped), 0);
		assert.match(escaped, /\u001b\[[0-9;]*7[;m]/, 'the selected row is still shown inverse');
	});

	it('--no-color does the same', async () => {
		const {escaped} = await look({}, ['--no-color']);
		assert.equal(colourCodes(escaped), 0);
	});

	it('LANG=C draws ASCII: no braille, blocks or box drawing', async () => {
		const {plain} = await look({LANG: 'C'});
		assert.doesNotMatch(plain, fancy);
		assert.match(plain, /^\+-{20,}\+$/m, 'the detail area is boxed in ASCII');
	});

	it('TERM=dumb: no alternate screen, no colour, ASCII', async () => {
		const {plain, escaped, alternate} = await look({TERM: 'dumb'});
		assert.equal(alternate, false);
		assert.equal(colourCodes(escaped), 0);
		assert.doesNotMatch(plain, fancy);
	});
});
