// Vitest global setup for the e2e project: builds the CLI bundle (dist/cli.js) once, so every
// e2e test runs the same single-file CLI a user runs.

import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

export default function setup(): void {
	const root = fileURLToPath(new URL('../..', import.meta.url));
	execFileSync(process.execPath, ['scripts/bundle.mjs'], {cwd: root, stdio: 'inherit'});
}
