// Vertex times are Go RFC3339Nano. A double cannot hold epoch nanoseconds exactly, and the
// order of two events a few hundred nanoseconds apart matters, so an instant is kept as whole
// epoch milliseconds plus the nanoseconds inside that millisecond.

export interface Instant {
	/** floor(epoch milliseconds) */
	readonly ms: number;
	/** 0..999_999 nanoseconds past `ms` */
	readonly ns: number;
}

const RFC3339 =
	/^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d\d):(\d\d))$/;

/** Parses an RFC 3339 time; the Go zero time (year 1) and bad input give undefined. */
export function parseInstant(s: string | undefined): Instant | undefined {
	if (s === undefined) return undefined;
	const m = RFC3339.exec(s);
	if (!m) return undefined;
	const year = Number(m[1]);
	if (year < 1000) return undefined; // 0001-01-01T00:00:00Z = "not set"
	let ms = Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
	if (m[9] !== undefined) {
		const offset = (Number(m[10]) * 60 + Number(m[11])) * 60_000;
		ms -= m[9] === '+' ? offset : -offset;
	}
	const frac = (m[7] ?? '').padEnd(9, '0');
	ms += Number(frac.slice(0, 3));
	return {ms, ns: Number(frac.slice(3))};
}

export function compareInstants(a: Instant, b: Instant): number {
	return a.ms - b.ms || a.ns - b.ns;
}

export function instantFromMs(ms: number): Instant {
	const whole = Math.floor(ms);
	return {ms: whole, ns: Math.round((ms - whole) * 1e6)};
}

/** Go's time.Time JSON form (UTC), used when we synthesize statuses (plain logs, the fake). */
export function formatInstant(t: Instant): string {
	const base = new Date(t.ms).toISOString().slice(0, 19);
	const frac = `${String(t.ms % 1000).padStart(3, '0')}${String(t.ns).padStart(6, '0')}`.replace(
		/0+$/,
		'',
	);
	return `${base}${frac ? `.${frac}` : ''}Z`;
}
