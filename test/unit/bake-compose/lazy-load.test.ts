// The YAML parser is loaded only for files that may be compose files: an HCL-only tree never
// loads it (vitest isolates modules per test file, so nothing else loaded it here).

import {describe, expect, it} from 'vitest';
import {composeSupport, prepareBakeFiles} from '../../../src/core/bake/compose/support.js';
import {parseBakeFiles} from '../../../src/core/bake/parse/index.js';

describe('lazy compose support', () => {
	it('parses .hcl and .json files without loading it, and needs it for others', async () => {
		const hcl = [
			{name: 'docker-bake.hcl', content: 'target "a" {}\n'},
			{name: 'docker-bake.json', content: '{"target": {"b": {}}}'},
		];
		await prepareBakeFiles(hcl);
		expect(parseBakeFiles(hcl).targets.map((t) => t.name)).toEqual(['a', 'b']);
		expect(() => composeSupport()).toThrow('compose support is not loaded');
		const compose = [{name: 'compose.yaml', content: 'services:\n  c:\n    build: .\n'}];
		expect(() => parseBakeFiles(compose)).toThrow('compose support is not loaded');
		await prepareBakeFiles(compose);
		expect(parseBakeFiles(compose, {readFile: () => undefined}).targets.map((t) => t.name)).toEqual(
			['c'],
		);
	});
});
