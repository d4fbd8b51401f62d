import {describe, expect, it} from 'vitest';
import {sanitizeTerminalText} from '../../../src/core/text/sanitize.js';

describe('sanitizeTerminalText', () => {
	it('keeps SGR colours, tabs and newlines', () => {
		expect(sanitizeTerminalText('\x1b[1;31mx\x1b[0m\ty\n')).toBe('\x1b[1;31mx\x1b[0m\ty\n');
	});
	it.each([
		['CSI cursor move', 'a\x1b[2Jb\x1b[10;5Hc', 'abc'],
		['private CSI', 'a\x1b[?1049hb', 'ab'],
		['OSC with BEL', 'a\x1b]0;title\x07b', 'ab'],
		['OSC 52 with ST', 'a\x1b]52;c;ZXZpbA==\x1b\\b', 'ab'],
		['DCS', 'a\x1bPq#0;2;0;0;0\x1b\\b', 'ab'],
		['C0 and CR', 'a\x00\x07\x08\rb', 'ab'],
		['C1', 'a\x85\x9b2Jb', 'ab'],
		['lone ESC', 'ab\x1b', 'ab'],
		['ESC charset', 'a\x1b(Bb', 'ab'],
		['unterminated OSC', 'a\x1b]8;;http://x', 'a'],
	])('removes %s', (_, input, out) => {
		expect(sanitizeTerminalText(input)).toBe(out);
	});
});
