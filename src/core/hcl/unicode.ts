// Identifier character classes. ASCII is decided by comparisons; only non-ASCII code points
// fall back to the Unicode property regexes, so ordinary files never touch a regex.

const ID_START = /\p{ID_Start}/u;
const ID_CONTINUE = /\p{ID_Continue}/u;

export function isIdStart(cp: number): boolean {
	if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || cp === 95;
	return ID_START.test(String.fromCodePoint(cp));
}

export function isIdContinue(cp: number): boolean {
	if (cp < 128) {
		return (
			(cp >= 97 && cp <= 122) ||
			(cp >= 65 && cp <= 90) ||
			(cp >= 48 && cp <= 57) ||
			cp === 95 ||
			cp === 45
		);
	}
	return ID_CONTINUE.test(String.fromCodePoint(cp));
}

/** Go's unicode.IsSpace, which HCL uses for template strip markers and heredoc flushing. */
export function isSpace(c: number): boolean {
	return (
		c === 32 ||
		(c >= 9 && c <= 13) ||
		c === 0x85 ||
		c === 0xa0 ||
		c === 0x1680 ||
		(c >= 0x2000 && c <= 0x200a) ||
		c === 0x2028 ||
		c === 0x2029 ||
		c === 0x202f ||
		c === 0x205f ||
		c === 0x3000
	);
}
