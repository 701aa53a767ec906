import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {engineProduct} from '../../../source/engine/engine-product.js';
import {loadJson} from '../../helpers/fixtures.js';

describe('engineProduct: which engine answered /version', () => {
	const cases: Array<[name: string, version: unknown, expected: ReturnType<typeof engineProduct>]> = [
		['dockerd 20.10 (captured)', loadJson('engine/version-docker.json'), undefined],
		['podman 4.3.1 (captured)', loadJson('engine/version-podman.json'), 'Podman'],
		['Podman named only in its platform', {Platform: {Name: 'Podman Engine'}, Components: []}, 'Podman'],
		['Podman named only in a component', {Components: [{Name: 'Podman Engine'}]}, 'Podman'],
		['a component that merely contains the letters', {Components: [{Name: 'Engine'}, {Name: 'notpodmanish'}]}, undefined],
		['no Components at all (old engines)', {Version: '1.13.1'}, undefined],
		['Components null', {Components: null, Platform: null}, undefined],
		['not an object', 'Podman', undefined],
		['nothing', undefined, undefined],
	];
	for (const [name, version, expected] of cases) {
		test(name, () => assert.equal(engineProduct(version), expected));
	}
});
