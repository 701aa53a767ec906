import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parseArgs, usage, UsageError, type CliOptions} from '../../../source/cli/args.js';

const defaults: CliOptions = {readOnly: false, noConfirm: false, noColor: false, once: false, json: false, help: false, version: false, view: 'containers'};

describe('parseArgs accepts', () => {
	const cases: Array<[string[], Partial<CliOptions>]> = [
		[[], {}],
		[['--read-only'], {readOnly: true}],
		[['--once'], {once: true}],
		[['--json'], {json: true}],
		[['--once', '--json', '--read-only'], {once: true, json: true, readOnly: true}],
		[['-h'], {help: true}],
		[['--help'], {help: true}],
		[['-v'], {version: true}],
		[['--version'], {version: true}],
		[['-H', 'tcp://10.0.0.2:2375'], {host: 'tcp://10.0.0.2:2375'}],
		[['--host', 'ssh://me@box'], {host: 'ssh://me@box'}],
		[['--host=unix:///tmp/d.sock'], {host: 'unix:///tmp/d.sock'}],
		[['--host=tcp://h:2375?x=1'], {host: 'tcp://h:2375?x=1'}],
		[['-c', 'prod'], {context: 'prod'}],
		[['--context', 'prod'], {context: 'prod'}],
		[['--context=prod'], {context: 'prod'}],
		// An empty inline value is passed on; resolveTarget rejects it with the accepted forms.
		[['--host='], {host: ''}],
		[['help'], {view: 'help'}],
		[['h'], {view: 'help'}],
		[['HELP'], {view: 'help'}],
		[[':help'], {view: 'help'}],
		[['containers'], {view: 'containers'}],
		[['ps'], {view: 'containers'}],
		[['help', '--read-only', '-H', 'tcp://x:1'], {view: 'help', readOnly: true, host: 'tcp://x:1'}],
		[['help', 'containers'], {view: 'containers'}],
		[['--no-confirm'], {noConfirm: true}],
		[['--no-color'], {noColor: true}],
		[['--filter', 'status=running'], {filters: ['status=running']}],
		[['--filter=label=tier=db', '--filter', 'status=exited'], {filters: ['label=tier=db', 'status=exited']}],
		[['--config', '/tmp/p.yaml'], {config: '/tmp/p.yaml'}],
		[['--config=/tmp/p.yaml', '--read-only'], {config: '/tmp/p.yaml', readOnly: true}],
		[['-p', 'shop'], {project: 'shop'}],
		[['--project', 'shop'], {project: 'shop'}],
		[['--project=shop'], {project: 'shop'}],
		[['images'], {view: 'images'}],
		[['ima'], {view: 'images'}],
		[['df'], {view: 'disk'}],
		[['networks'], {view: 'networks'}],
		// Several engine flags, mixed: every one in order, and no single host/context.
		[['-H', 'unix:///a.sock', '--host', 'ssh://box'], {hosts: [{kind: 'host', value: 'unix:///a.sock'}, {kind: 'host', value: 'ssh://box'}]}],
		[['--context=prod', '-H', 'tcp://h:1', '-c', 'lab'], {hosts: [{kind: 'context', value: 'prod'}, {kind: 'host', value: 'tcp://h:1'}, {kind: 'context', value: 'lab'}]}],
		[['--ssh-config', '/tmp/cfg', '-H', 'ssh://box'], {sshConfig: '/tmp/cfg', host: 'ssh://box'}],
		[['--ssh-config=/tmp/cfg', '--remote-socket=/run/user/1000/docker.sock'], {sshConfig: '/tmp/cfg', remoteSocket: '/run/user/1000/docker.sock'}],
		[['-c', 'prod', '--host', 'tcp://h:1'], {hosts: [{kind: 'context', value: 'prod'}, {kind: 'host', value: 'tcp://h:1'}]}],
	];
	for (const [argv, expected] of cases) {
		test(argv.join(' ') || '(no arguments)', () => {
			assert.deepEqual(parseArgs(argv), {...defaults, ...expected});
		});
	}
});

describe('parseArgs refuses', () => {
	const cases: Array<[string[], RegExp]> = [
		[['--host'], /--host needs a value/],
		[['--filter', 'status=up'], /^--filter "status=up": status is one of created, /],
		[['--filter', 'shop'], /^--filter "shop" is not a filter/],
		[['--filter'], /--filter needs a value/],
		[['-H'], /-H needs a value/],
		[['--host', '--read-only'], /--host needs a value/],
		[['--context'], /--context needs a value/],
		[['-c', '-v'], /-c needs a value/],
		[['--nope'], /unknown option --nope/],
		[['-x'], /unknown option -x/],
		[['-H=tcp://x:1'], /unknown option -H=tcp:\/\/x:1/],
		[['--hostile=1'], /unknown option --hostile=1/],
		[['--read-only=false'], /--read-only takes no value/],
		[['--json=1'], /--json takes no value/],
		[['nosuchview'], /unknown view "nosuchview"/],
		[['nosuchview'], /views: containers, images, volumes, networks, services, stacks, nodes, df, events, logs, help\)/],
		[['--no-confirm=1'], /--no-confirm takes no value/],
		[['containers', 'logs'], /porthole logs needs a container name/],
		[['--ssh-config'], /--ssh-config needs a value/],
		[['--remote-socket', 'docker.sock'], /--remote-socket needs an absolute path, not "docker.sock"/],
	];
	for (const [argv, message] of cases) {
		test(argv.join(' '), () => {
			assert.throws(() => parseArgs(argv), error => error instanceof UsageError && message.test(error.message));
		});
	}

	test('errors are one line and point at help', () => {
		try {
			parseArgs(['--bogus']);
			assert.fail('should throw');
		} catch (error) {
			assert.ok(error instanceof UsageError);
			assert.doesNotMatch(error.message, /\n/);
			assert.match(error.message, /--help/);
		}
	});
});

describe('usage', () => {
	test('names every view (issue 10 #22)', () => {
		// The list may wrap onto the indented lines under "Views:".
		const views = /^Views: {6}(.*(?:\n {12}[a-z].*,?)*)/m.exec(usage)?.[1] ?? '';
		for (const view of ['containers', 'images', 'volumes', 'networks', 'services', 'stacks', 'nodes', 'df', 'events', 'logs', 'help']) assert.match(views, new RegExp(`\\b${view}\\b`), view);
	});

	test('mentions every option parseArgs knows', () => {
		for (const flag of ['--host', '-H', '--context', '-c', '--read-only', '--no-confirm', '--once', '--json', '--help', '-h', '--version', '-v']) {
			assert.ok(usage.includes(flag), flag);
		}
	});
});

describe('--help', () => {
	test('every line fits an 80-column terminal', () => {
		for (const line of usage.split('\n')) assert.ok(line.length <= 80, `${line.length}: ${line}`);
	});
});
