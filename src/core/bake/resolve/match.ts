// Go's path.Match (the glob buildx uses for target names): `*` and `?` never match `/`,
// `[...]` classes with ranges and `^` negation, `\` escapes. A malformed pattern matches nothing.

export function matchPath(pattern: string, name: string): boolean {
	try {
		return matchAt(pattern, 0, name, 0);
	} catch {
		return false;
	}
}

function matchAt(p: string, pi: number, s: string, si: number): boolean {
	while (pi < p.length) {
		const c = p[pi];
		if (c === '*') {
			// Collapse runs of stars, then try every split that does not cross a '/'.
			while (p[pi] === '*') pi++;
			if (pi === p.length) return !s.slice(si).includes('/');
			for (let k = si; k <= s.length; k++) {
				if (matchAt(p, pi, s, k)) return true;
				if (s[k] === '/') break;
			}
			return false;
		}
		if (si >= s.length) {
			validateRest(p, pi);
			return false;
		}
		if (c === '?') {
			if (s[si] === '/') return false;
			pi++;
			si++;
			continue;
		}
		if (c === '[') {
			const [ok, next] = matchClass(p, pi + 1, s[si] as string);
			if (!ok) return false;
			pi = next;
			si++;
			continue;
		}
		let lit = c;
		if (c === '\\') {
			pi++;
			if (pi >= p.length) throw new Error('bad pattern');
			lit = p[pi];
		}
		if (s[si] !== lit) return false;
		pi++;
		si++;
	}
	return si === s.length;
}

function validateRest(p: string, pi: number): void {
	for (let i = pi; i < p.length; i++) {
		if (p[i] === '\\') i++;
		else if (p[i] === '[') matchClass(p, i + 1, '\0');
	}
}

function classChar(p: string, i: number): [string, number] {
	let c = p[i];
	if (c === undefined || c === ']' || c === '-') throw new Error('bad pattern');
	if (c === '\\') {
		i++;
		c = p[i];
		if (c === undefined) throw new Error('bad pattern');
	}
	return [c, i + 1];
}

/** Returns whether `ch` is in the class starting at `i` (after `[`) and the index after `]`. */
function matchClass(p: string, i: number, ch: string): [boolean, number] {
	let negated = false;
	if (p[i] === '^') {
		negated = true;
		i++;
	}
	let matched = false;
	let first = true;
	for (;;) {
		if (p[i] === ']' && !first) return [matched !== negated && ch !== '/', i + 1];
		first = false;
		const [lo, afterLo] = classChar(p, i);
		let hi = lo;
		i = afterLo;
		if (p[i] === '-') {
			const [h, afterHi] = classChar(p, i + 1);
			hi = h;
			i = afterHi;
		}
		if (lo <= ch && ch <= hi) matched = true;
	}
}
