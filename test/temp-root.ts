// Vitest global setup for both projects: the run gets a temporary folder of its own. TMPDIR
// points into it for the test workers and every process they start, and the folder is removed
// when the run ends, so scratch folders made with mkdtemp(tmpdir()) never pile up in /tmp,
// whether or not a test removes its own.

import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export default function setup(): () => void {
	const root = mkdtempSync(join(tmpdir(), 'baketree-test-'));
	const previous = process.env['TMPDIR'];
	process.env['TMPDIR'] = root;
	return () => {
		if (previous === undefined) delete process.env['TMPDIR'];
		else process.env['TMPDIR'] = previous;
		rmSync(root, {recursive: true, force: true});
	};
}
