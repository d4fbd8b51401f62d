// What the terminal shows from the moment the explorer starts until Ink draws the tree: the
// header line as the explorer draws it, saying which file is being read. Written with plain
// escape codes because it runs before Ink and React are loaded (most of the start-up).

import type {TerminalOut} from './terminal.js';
import {clip} from './theme.js';

// THEME.accent (bold), the file name (bold) and THEME.dim, as Header.tsx draws them.
const BOLD_CYAN = '\x1b[1;36m';
const BOLD = '\x1b[1m';
const GRAY = '\x1b[90m';
const RESET = '\x1b[0m';

export function paintReading(out: TerminalOut, files: readonly string[], columns: number): void {
	const file = files.join(', ') || '(no bake file)';
	const title = ' baketree ';
	const fileText = clip(file, Math.max(8, Math.floor((columns - title.length) / 2)));
	const room = columns - title.length - [...fileText].length - 3;
	out.write(
		`${BOLD_CYAN}${title}${RESET}${BOLD}${fileText}${RESET}${GRAY} │ ${RESET}${clip(`reading ${file}…`, room)}`,
	);
}
