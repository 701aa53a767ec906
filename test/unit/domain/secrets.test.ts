import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {looksSecret, maskedLabels, maskPairs, maskEnvEntry, maskSecrets, maskText} from '../../../source/domain/secrets.js';

describe('looksSecret', () => {
	const cases: Array<[string, boolean]> = [
		['PASSWORD', true], ['DB_PASSWORD', true], ['MYSQL_ROOT_PASSWORD', true], ['PGPASSWORD', true],
		['AWS_SECRET_ACCESS_KEY', true], ['GITHUB_TOKEN', true], ['API_KEY', true], ['apiKey', true],
		['DB_PASS', true], ['REDIS_PWD', true], ['GOOGLE_APPLICATION_CREDENTIALS', true], ['SSH_PRIVATE_KEY', true],
		['com.example.db.password', true], ['my-secret', true],
		['PATH', false], ['HOME', false], ['KEYBOARD_LAYOUT', false], ['PASSAGE', false], ['HOSTNAME', false],
		['LANG', false], ['SandboxKey', false], ['com.docker.compose.config-hash', false],
	];
	for (const [name, expected] of cases) it(`${name} → ${expected}`, () => assert.equal(looksSecret(name), expected));
});

describe('maskEnvEntry', () => {
	const cases: Array<[string, string]> = [
		['DB_PASSWORD=hunter2', `DB_PASSWORD=${maskText}`],
		['TOKEN=a=b=c', `TOKEN=${maskText}`],
		['PLAIN=visible', 'PLAIN=visible'],
		['PASSWORD=', 'PASSWORD='],
		['NOEQUALS', 'NOEQUALS'],
		['=PASSWORD', '=PASSWORD'],
	];
	for (const [entry, expected] of cases) it(entry, () => assert.equal(maskEnvEntry(entry), expected));
});

describe('maskSecrets', () => {
	it('masks Env entries and secret-looking keys anywhere, counting them, without touching the input', () => {
		const document = {
			Config: {Env: ['A=1', 'API_KEY=xyz'], Labels: {'app.token': 'abc', 'app.name': 'web'}, Cmd: ['PASSWORD=literal-arg']},
			Options: {password: 's3cret', nested: [{secret: 'deep'}]},
			NetworkSettings: {SandboxKey: '/var/run/docker/netns/1'},
		};
		const {value, masked} = maskSecrets(document);
		assert.equal(masked, 4);
		assert.deepEqual(value, {
			Config: {Env: ['A=1', `API_KEY=${maskText}`], Labels: {'app.token': maskText, 'app.name': 'web'}, Cmd: ['PASSWORD=literal-arg']},
			Options: {password: maskText, nested: [{secret: maskText}]},
			NetworkSettings: {SandboxKey: '/var/run/docker/netns/1'},
		});
		assert.equal(document.Config.Env[1], 'API_KEY=xyz', 'the input is not mutated');
		assert.ok(!JSON.stringify(value).includes('xyz') && !JSON.stringify(value).includes('s3cret'));
	});
	it('passes scalars and null through', () => {
		assert.deepEqual(maskSecrets(null), {value: null, masked: 0});
		assert.deepEqual(maskSecrets('PASSWORD=x'), {value: 'PASSWORD=x', masked: 0});
	});
});

describe('maskedLabels', () => {
	const cases: Array<[Record<string, string>, string[]]> = [
		[{DB_PASSWORD: 'hunter2', 'api.token': 'tok-123'}, ['DB_PASSWORD=••••••••', 'api.token=••••••••']],
		[{'com.docker.compose.project': 'shop', tier: 'web'}, ['com.docker.compose.project=shop', 'tier=web']],
		[{'traefik.http.middlewares.auth.basicauth.users': 'me:$apr1$x'}, ['traefik.http.middlewares.auth.basicauth.users=••••••••']],
		[{SECRET_EMPTY: ''}, ['SECRET_EMPTY=']],
	];
	for (const [labels, expected] of cases) it(JSON.stringify(labels), () => assert.deepEqual(maskedLabels(labels), expected));
});

describe('maskPairs', () => {
	const cases: Array<[string, string]> = [
		['postgres --db-password=hunter2 -p 5432', 'postgres --db-password=•••••••• -p 5432'],
		['env API_TOKEN=tok-123 MODE=prod run', 'env API_TOKEN=•••••••• MODE=prod run'],
		["sh -c 'PGPASSWORD=x psql'", "sh -c 'PGPASSWORD=•••••••• psql'"],
		['sleep 300', 'sleep 300'],
		['keyboard=us passage=x', 'keyboard=us passage=x'],
	];
	for (const [text, expected] of cases) it(text, () => assert.equal(maskPairs(text), expected));
});
