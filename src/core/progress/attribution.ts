// Which bake target a vertex belongs to. With more than one target, buildx prefixes every
// per-target vertex name (util/progress/multiwriter.go addPrefix): "[x] y" -> "[T x] y" and
// "y" -> "[T] y". Target names are [A-Za-z0-9_-]+, so a platform ("linux/amd64") never matches.

const PREFIX = /^\[([A-Za-z0-9_-]+)([ \]])/;
// `[T stage n/m]` or `[T n/m]`-like tails: a second token then a step counter.
const STAGE_STEP = /^\[[A-Za-z0-9_-]+ [^\] ]+ +\d+\/\d+\]/;
const RESERVED = new Set(['internal', 'auth']);

/** The first bracketed word of a name, if it could be a target name. */
export function prefixWord(name: string): string | undefined {
	return PREFIX.exec(name)?.[1];
}

/** Removes exactly one target prefix: "[T stage 1/2] RUN x" -> "[stage 1/2] RUN x". */
export function stripTargetPrefix(name: string, target: string): string {
	const open = `[${target}`;
	if (!name.startsWith(open)) return name;
	const sep = name.charAt(open.length);
	if (sep === ']') return name.slice(open.length + 1).replace(/^ /, '');
	if (sep === ' ') return `[${name.slice(open.length + 1)}`;
	return name;
}

/**
 * The target a prefixed vertex name belongs to, matched against the known target names.
 * (A single-target build has no prefixes at all: the caller gives it every vertex.)
 */
export function targetOf(name: string, known: ReadonlySet<string>): string | undefined {
	const word = prefixWord(name);
	return word !== undefined && known.has(word) ? word : undefined;
}

/**
 * For streams without a bake file: the target name a vertex name proves to exist, if any.
 * Only forms a single-target build cannot produce count: "[T] x" (T not "internal"/"auth"),
 * "[T internal] x", "[T auth] x", and "[T stage n/m] x".
 */
export function provenTarget(name: string): string | undefined {
	const m = PREFIX.exec(name);
	if (!m) return undefined;
	const word = m[1] as string;
	if (m[2] === ']') return RESERVED.has(word) ? undefined : word;
	const rest = name.slice(word.length + 2);
	if (rest.startsWith('internal]') || rest.startsWith('auth]')) return word;
	return STAGE_STEP.test(name) ? word : undefined;
}
