// Ink's (input, key) pair as one key name for the keymap in src/core/app/keys.ts.

import type {Key} from 'ink';

export function keyName(input: string, key: Key): string | undefined {
	if (key.ctrl && input === 'c') return 'ctrl-c';
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'enter';
	if (key.escape) return 'escape';
	if (key.tab) return key.shift ? 'shift-tab' : 'tab';
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl && input) return `ctrl-${input}`;
	if (input === ' ') return 'space';
	if (key.meta) return undefined;
	// Pasted text arrives as one chunk: the keymap takes it key by key.
	if (input.length > 0) return input;
	return undefined;
}

/** A chunk of typed text split into key names (for pastes). */
export function keyNames(input: string, key: Key): string[] {
	const one = keyName(input, key);
	if (one === undefined) return [];
	if (one !== input || [...input].length <= 1) return [one];
	return [...input].map((ch) => (ch === ' ' ? 'space' : ch));
}
