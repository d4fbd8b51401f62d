// What Ink asks the terminal-size package when its output stream reports no width: the
// explorer's own answer (./terminal.ts), so that Ink and the store lay out for the same size.
// terminal-size would run `tput` and `resize` for it, and load node:child_process with every
// start of the tree browser to be able to; the bundle gives Ink this module in its place
// (scripts/bundle-plugins.mjs).

import {terminalSize} from './terminal.js';

export default function terminalSizeForInk(): {columns: number; rows: number} {
	return terminalSize(process.stdout);
}
