// Untrusted terminal text (build logs, errors, docker's stderr) is drawn inside our own frame.
// Anything that could move the cursor, retitle the window, write the clipboard (OSC 52) or
// switch screens must go; SGR colours are harmless and kept so logs stay readable.

// One alternation, tried left to right at each position:
//  1. 7-bit CSI (kept only when it is SGR: `ESC [ digits/;/: m`)
//  2. a CSI cut off at the end of the text
//  3. 8-bit CSI
//  4. OSC (7-bit or 8-bit), ended by BEL, ST or the end of the text
//  5. DCS / SOS / PM / APC, ended by ST or the end of the text
//  6. any other escape sequence (ESC, intermediates, final byte), then a lone ESC
//  7. C0 controls except \t and \n, DEL and C1 controls
const CONTROL =
	// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
	/\x1b\[([0-?]*)([ -/]*)([@-~])|\x1b\[[0-?]*[ -/]*$|\x9b[0-?]*[ -/]*[@-~]?|(?:\x1b\]|\x9d)[\s\S]*?(?:\x07|\x1b\\|\x9c|$)|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[\s\S]*?(?:\x1b\\|\x9c|$)|\x1b[ -/]*[0-~]|\x1b|[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

// Fast path: most log lines contain no control character at all.
// biome-ignore lint/suspicious/noControlCharactersInRegex: see above
const ANY_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

const SGR_PARAMS = /^[0-9;:]*$/;

/** Removes every control sequence except SGR colours; keeps \t and \n. */
export function sanitizeTerminalText(s: string): string {
	if (!ANY_CONTROL.test(s)) return s;
	return s.replace(CONTROL, (match, params?: string, inter?: string, final?: string) =>
		final === 'm' && inter === '' && params !== undefined && SGR_PARAMS.test(params) ? match : '',
	);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: SGR sequences start with ESC
const SGR = /\x1b\[[0-9;:]*m/g;

/** Plain text of an already sanitized line (for searching and measuring width). */
export function stripSgr(s: string): string {
	return s.includes('\x1b') ? s.replace(SGR, '') : s;
}
