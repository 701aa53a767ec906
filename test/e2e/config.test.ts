import assert from 'node:assert/strict';
import {execa} from 'execa';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {TestContainers, testHost} from '../helpers/engine.js';
import {TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'porthole-config-e2e-'));
// No DOCKER_HOST and an empty config home: only what the test gives counts.
const env = {DOCKER_HOST: '', XDG_CONFIG_HOME: dir, HOME: dir, PATH: process.env.PATH ?? ''};
const run = (args: string[], extra: Record<string, string> = {}) => execa(process.execPath, [cli, ...args], {reject: false, env: {...env, ...extra}, extendEnv: false, stdin: 'ignore'});

function file(name: string, text: string): string {
	const path = join(dir, name);
	writeFileSync(path, text);
	return path;
}

after(() => rmSync(dir, {recursive: true, force: true}));

describe('porthole with a config file, in a real terminal', () => {
	const containers = new TestContainers();
	const term = new TmuxSession();
	const names = {web: containers.name('cfg-web'), job: containers.name('cfg-job')};
	let config = '';

	before(async () => {
		await containers.run(names.web, ['sleep', '300']);
		await containers.create(names.job, ['true']);
		// The engine comes from the file's hosts (no --host), restart moves to R, stopped ones start hidden, three columns.
		config = file('porthole.yaml', [
			`hosts: [${JSON.stringify(testHost())}]`,
			'containers:',
			'  hideStopped: true',
			'  columns: [name, state, cpu]',
			'keys:',
			'  containers:',
			'    restart: R',
			'  confirm:',
			'    yes: Y',
			'',
		].join('\n'));
		await term.start([process.execPath, cli, '--config', config], {columns: 160, rows: 40, env});
	});

	after(async () => {
		await term.kill();
		await containers.cleanup();
	});

	it('applies the settings: the file\'s host, its columns, stopped ones hidden', async () => {
		const screen = await term.waitFor(names.web);
		assert.match(screen, /connected/);
		assert.ok(!screen.includes(names.job), 'hideStopped: the created container is hidden');
		const header = screen.split('\n').find(line => line.includes('NAME')) ?? '';
		assert.match(header, /NAME.*STATE.*CPU/);
		assert.doesNotMatch(header, /MEM|IMAGE|PORTS/);
	});

	it('the remapped key acts, the old one does not, and the footer and dialog show the user\'s keys', async () => {
		const screen = await term.waitFor('R restart');
		assert.doesNotMatch(screen, / r restart/);
		await term.send('/');
		await term.type(names.web);
		await term.send('Enter');
		await term.waitFor(`filter: ${names.web}`);
		await term.send('r');
		await term.send('R');
		const dialog = await term.waitFor(`Restart container ${names.web}?`);
		assert.match(dialog, /Y yes/);
		await term.send('Escape');
		await term.waitFor('restart cancelled');
	});

	it('the help screen says where the settings came from', async () => {
		await term.send('?');
		await term.waitFor(`settings: ${config} (--config)`);
		await term.send('Escape');
	});

	it(':columns picks the columns, and :columns save writes them to the file, keeping the rest', async () => {
		await term.send('Escape');
		await term.send(':');
		await term.type('columns cpu name');
		await term.send('Enter');
		await term.waitFor(/CPU +NAME/);
		await term.send(':');
		await term.type('columns save');
		await term.send('Enter');
		await term.waitFor(`saved containers columns to ${config}`);
		const saved = readFileSync(config, 'utf8');
		assert.match(saved, /columns: \[ cpu, name \]/);
		assert.match(saved, /restart: R/);
		assert.match(saved, /hideStopped: true/);
	});
});

/** An SGR that sets a colour (foreground or background, 16, 256 or truecolor); 39 and 49 only reset to the default. */
const colourEscape = /\u001b\[(?:[0-9;]*;)?(?:3[0-7]|4[0-7]|9[0-7]|10[0-7]|[34]8;[25];[0-9;]+)m/;

describe('themes and NO_COLOR in a real terminal', () => {
	const containers = new TestContainers();
	const name = containers.name('cfg-theme');
	let term: TmuxSession | undefined;
	before(async () => {
		await containers.run(name, ['sleep', '300']);
	});
	after(async () => {
		await term?.kill();
		await containers.cleanup();
	});
	const start = async (args: string[], extra: Record<string, string>) => {
		await term?.kill();
		term = new TmuxSession();
		await term.start([process.execPath, cli, '--host', testHost(), ...args], {columns: 160, rows: 30, env: {...env, ...extra}});
		await term.waitFor(name);
		return term.screenWithEscapes();
	};

	it('light: the titles and states in its colours, as truecolor on a truecolor terminal', async () => {
		const light = file('light.yaml', 'theme: light\ncolors:\n  running: "#00aa00"\n');
		const raw = await start(['--config', light], {TERM: 'xterm-256color', COLORTERM: 'truecolor'});
		const header = raw.split('\n').find(line => line.includes('NAME')) ?? '';
		assert.match(header, /\u001b\[(?:[0-9;]*;)?38;2;5;80;174m/, `the header in #0550ae: ${JSON.stringify(header)}`);
		assert.match(raw, /\u001b\[(?:[0-9;]*;)?38;2;0;170;0m[^\n]*running/, 'running in the colour given by role');
	});

	it('NO_COLOR: no colour at all, and the selection still shows (inverse)', async () => {
		const raw = await start([], {TERM: 'xterm-256color', COLORTERM: 'truecolor', NO_COLOR: '1'});
		assert.doesNotMatch(raw, colourEscape, 'no colour escape');
		assert.match(raw, /\u001b\[(?:[0-9;]*;)?7m/, 'the selected row is inverse');
	});

	it('TERM=linux and LANG=C: ASCII for every glyph, and at most 16 colours', async () => {
		const raw = await start([], {TERM: 'linux', LANG: 'C', COLORTERM: ''});
		const screen = await term!.waitFor(/\+-{10,}/);
		assert.match(screen, /NAME\^/, 'the sort arrow');
		assert.match(screen, /\* connected/, 'the status dot');
		const glyphs = [...screen].filter(char => char.codePointAt(0)! > 0x7e);
		assert.deepEqual(glyphs, [], 'no glyph beyond ASCII');
		assert.doesNotMatch(raw, /\u001b\[(?:[0-9;]*;)?[34]8;[25];/, 'no 256-colour or truecolor escape');
		assert.match(raw, /\u001b\[(?:[0-9;]*;)?3[0-7]m/, 'the 16 colours are still used');
	});

	it('glyphs: unicode keeps the glyphs under LANG=C', async () => {
		const unicode = file('unicode.yaml', 'glyphs: unicode\n');
		await start(['--config', unicode], {TERM: 'xterm-256color', LANG: 'C'});
		await term!.waitFor('● connected');
	});

	it('--no-color does the same', async () => {
		const raw = await start(['--no-color'], {TERM: 'xterm-256color', COLORTERM: 'truecolor'});
		assert.doesNotMatch(raw, colourEscape, 'no colour escape');
		assert.match(raw, /\u001b\[(?:[0-9;]*;)?7m/, 'the selected row is inverse');
	});
});

describe('mouse: true in a real terminal (SGR reports)', () => {
	const containers = new TestContainers();
	const names = {one: containers.name('cfg-mouse-a'), two: containers.name('cfg-mouse-b')};
	const term = new TmuxSession();
	const press = (x: number, y: number) => term.sendText(`\u001b[<0;${x};${y}M\u001b[<0;${x};${y}m`);
	before(async () => {
		await containers.run(names.one, ['sh', '-c', 'echo hello from a; sleep 300']);
		await containers.run(names.two, ['sh', '-c', 'echo hello from b; sleep 300']);
		const config = file('mouse.yaml', 'mouse: true\n');
		await term.start([process.execPath, cli, '--host', testHost(), '--config', config], {columns: 160, rows: 30, env});
		await term.waitFor(names.two);
	});
	after(async () => {
		await term.kill();
		await containers.cleanup();
	});

	it('asks the terminal for SGR mouse reports', async () => {
		assert.equal(await term.paneFormat('#{mouse_sgr_flag}#{mouse_standard_flag}'), '11');
	});

	it('a click selects a row, a double click opens its logs', async () => {
		// Only this test's two rows: the first on screen row 4, the second on 5.
		await term.send('/');
		await term.type('cfg-mouse-');
		await term.send('Enter');
		await term.waitFor('filter: cfg-mouse-');
		await press(3, 5);
		await term.waitFor(new RegExp(`│ CPU .*${names.two}`));
		await press(3, 4);
		await press(3, 4);
		await term.waitFor(`Logs ${names.one}`);
		await term.waitFor('hello from a');
	});

	it('Ctrl-O gives the terminal its mouse back, and takes it again', async () => {
		await term.send('C-o');
		await term.waitFor('mouse off');
		assert.equal(await term.paneFormat('#{mouse_sgr_flag}#{mouse_standard_flag}'), '00');
		await term.send('C-o');
		await term.waitFor('mouse on');
		assert.equal(await term.paneFormat('#{mouse_sgr_flag}#{mouse_standard_flag}'), '11');
	});

	it('the terminal is given its mouse back on quit', async () => {
		// The logs view is open (the double click), where q goes back: Ctrl-C quits from anywhere.
		await term.send('C-c');
		await term.waitFor('PORTHOLE-EXIT=0');
		assert.equal(await term.paneFormat('#{mouse_sgr_flag}#{mouse_standard_flag}'), '00');
	});
});

describe('porthole config on the command line', () => {
	it('a bad file: exit 2, one line naming file:line:column, and no UI', async () => {
		const bad = file('bad.yaml', 'theme: dark\nlogs:\n  lines: many\n');
		const result = await run(['--config', bad]);
		assert.equal(result.exitCode, 2);
		assert.equal(result.stdout, '');
		assert.equal(result.stderr, `porthole: ${bad}:3:10: logs.lines: expected number, not "many"`);
	});

	it('an unknown key names the nearest valid one; PORTHOLE_CONFIG is read too', async () => {
		const bad = file('typo.yaml', 'them: light\n');
		const result = await run(['--once'], {PORTHOLE_CONFIG: bad});
		assert.equal(result.exitCode, 2);
		assert.equal(result.stderr, `porthole: ${bad}:1:1: unknown key "them"; did you mean "theme"?`);
	});

	it('a key bound twice is refused, naming the pair', async () => {
		const bad = file('twice.yaml', 'keys:\n  logs:\n    log-wrap: t\n');
		const result = await run(['config', '--check', bad]);
		assert.equal(result.exitCode, 2);
		assert.equal(result.stderr, `porthole: ${bad}:3:15: "t" is bound twice in logs: to log-timestamps and to log-wrap`);
	});

	it('--default prints a config that --check accepts', async () => {
		const printed = await run(['config', '--default']);
		assert.equal(printed.exitCode, 0);
		assert.match(printed.stdout, /^ {4}restart: \[r\] +# ! Restart the container$/m);
		const path = file('default.yaml', printed.stdout);
		const checked = await run(['config', '--check', path]);
		assert.deepEqual([checked.exitCode, checked.stdout, checked.stderr], [0, `${path}: ok`, '']);
	});

	it('--filter in docker\'s syntax narrows --once, and a bad one is exit 2', async () => {
		const containers = new TestContainers();
		const running = containers.name('cfg-filter-run');
		const done = containers.name('cfg-filter-done');
		try {
			await containers.run(running, ['sleep', '300']);
			await containers.create(done, ['true']);
			const result = await run(['--once', '--host', testHost(), '--filter', `label=${containers.label}`, '--filter', 'status=created']);
			assert.equal(result.exitCode, 0, result.stderr);
			assert.match(result.stdout, new RegExp(done));
			assert.doesNotMatch(result.stdout, new RegExp(running));
			const saved = file('filter.yaml', `containers:\n  filter: "label=${containers.label} status=running"\n`);
			const fromFile = await run(['--once', '--host', testHost(), '--config', saved]);
			assert.match(fromFile.stdout, new RegExp(running));
			assert.doesNotMatch(fromFile.stdout, new RegExp(done));
			const bad = await run(['--once', '--filter', 'status=up']);
			assert.equal(bad.exitCode, 2);
			assert.match(bad.stderr, /^porthole: --filter "status=up": status is one of /);
		} finally {
			await containers.cleanup();
		}
	});

	it('flags win over the file: --host over its hosts', async () => {
		const {stdout: id} = await execa('docker', ['-H', testHost(), 'run', '-d', '--label', 'porthole.test=config-e2e', 'porthole-test/busybox:1', 'sleep', '60']);
		try {
			const unreachable = file('hosts.yaml', 'hosts: [unix:///nonexistent/docker.sock]\n');
			const fromFile = await run(['--once', '--config', unreachable]);
			assert.equal(fromFile.exitCode, 3, fromFile.stderr);
			const overridden = await run(['--once', '--config', unreachable, '--host', testHost()]);
			assert.equal(overridden.exitCode, 0, overridden.stderr);
			assert.match(overridden.stdout, /NAME/);
		} finally {
			await execa('docker', ['-H', testHost(), 'rm', '-f', id.trim()]);
		}
	});
});
