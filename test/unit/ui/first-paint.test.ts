import {stripVTControlCharacters as plain} from 'node:util';
import {describe, expect, it} from 'vitest';
import {paintReading} from '../../../src/ui/first-paint.js';

function painted(files: string[], columns: number): string {
	let out = '';
	paintReading({write: (chunk: string) => (out += chunk)}, files, columns);
	return out;
}

describe('the first paint', () => {
	it('is the header line, saying which file is being read', () => {
		const line = plain(painted(['docker/bake.hcl'], 120));
		expect(line).toBe(' baketree docker/bake.hcl │ reading docker/bake.hcl…');
	});

	it('fits the terminal width, one line, the file name cut first in the header', () => {
		const long = `deep/${'very-long-folder/'.repeat(6)}bake.hcl`;
		for (const columns of [40, 60, 80]) {
			const line = plain(painted([long, 'docker/override.hcl'], columns));
			expect([...line].length).toBeLessThanOrEqual(columns);
			expect(line).not.toContain('\n');
			expect(line.startsWith(' baketree deep/')).toBe(true);
			expect(line).toContain(' │ reading');
		}
	});
});
