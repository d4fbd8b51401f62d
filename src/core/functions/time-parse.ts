// RFC 3339 timestamps and Go durations as go-cty's datetime functions read and print them.
// A time is UTC epoch nanoseconds plus the UTC offset it was written with (Go keeps it).

export interface GoTime {
	readonly ns: bigint;
	/** Offset east of UTC in seconds. */
	readonly offset: number;
}

const fail = (msg: string) => new Error(`not a valid RFC3339 timestamp: ${msg}`);

/** Parses `YYYY-MM-DDThh:mm:ss[.frac](Z|±hh:mm)`, with cty's wording for failures. */
export function parseRfc3339(s: string): GoTime {
	let pos = 0;
	const num = (len: number, what: string): number => {
		const rest = s.slice(pos);
		if (rest === '') throw fail(`end of string before ${what}`);
		const digits = /^\d*/.exec(rest)?.[0] ?? '';
		if (digits.length < len) {
			if (what === 'hour' && digits.length !== 2) throw fail('hour must have exactly two digits');
			if (what === 'minute' && digits.length !== 2) {
				throw fail('minute must have exactly two digits');
			}
			throw fail(`cannot use ${JSON.stringify(rest)} as ${what}`);
		}
		pos += len;
		return Number(digits.slice(0, len));
	};
	const sep = (c: string) => {
		const rest = s.slice(pos);
		if (rest[0] === c) {
			pos++;
			return;
		}
		if (c === 'T') throw fail("missing required time introducer 'T'");
		if (rest === '') throw fail(`end of string where ${JSON.stringify(c)} is expected`);
		throw fail(`found ${JSON.stringify(rest)} where ${JSON.stringify(c)} is expected`);
	};
	const year = num(4, 'year');
	sep('-');
	const month = num(2, 'month');
	sep('-');
	const day = num(2, 'day of month');
	sep('T');
	const hour = num(2, 'hour');
	sep(':');
	const minute = num(2, 'minute');
	sep(':');
	const second = num(2, 'second');
	let frac = 0n;
	const fm = /^\.(\d+)/.exec(s.slice(pos));
	if (fm) {
		frac = BigInt((fm[1] ?? '').slice(0, 9).padEnd(9, '0'));
		pos += fm[0].length;
	}
	const zone = s.slice(pos);
	let offset = 0;
	const zm = /^([+-])(\d\d):(\d\d)$/.exec(zone);
	if (zm) offset = (zm[1] === '-' ? -1 : 1) * (Number(zm[2]) * 3600 + Number(zm[3]) * 60);
	else if (zone !== 'Z') {
		throw zone === ''
			? fail('end of string before UTC offset')
			: fail(`cannot use ${JSON.stringify(zone)} as UTC offset`);
	}
	if (month < 1 || month > 12) throw fail('month out of range');
	if (hour > 23) throw fail('hour must be between 0 and 23 inclusive');
	if (minute > 59) throw fail('minute out of range');
	if (second > 59) throw fail('second out of range');
	const dim = new Date(Date.UTC(2000, month, 0)).getUTCDate();
	const feb29 =
		month === 2 && day === 29 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	if (day < 1 || (day > dim && !feb29) || (month === 2 && day === 29 && !feb29)) {
		throw fail('day out of range');
	}
	const d = new Date(0);
	d.setUTCFullYear(year, month - 1, day);
	d.setUTCHours(hour, minute, second, 0);
	const secs = BigInt(d.getTime() / 1000) - BigInt(offset);
	return {ns: secs * 1_000_000_000n + frac, offset};
}

export interface Civil {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	/** 0 = Sunday. */
	weekday: number;
	yearDay: number;
}

export function civil(t: GoTime): Civil {
	const secs = floorDiv(t.ns, 1_000_000_000n) + BigInt(t.offset);
	const d = new Date(Number(secs) * 1000);
	const start = new Date(0);
	start.setUTCFullYear(d.getUTCFullYear(), 0, 1);
	return {
		year: d.getUTCFullYear(),
		month: d.getUTCMonth() + 1,
		day: d.getUTCDate(),
		hour: d.getUTCHours(),
		minute: d.getUTCMinutes(),
		second: d.getUTCSeconds(),
		weekday: d.getUTCDay(),
		yearDay: Math.round((d.getTime() - start.getTime()) / 86_400_000 - 0.5) + 1,
	};
}

export function floorDiv(a: bigint, b: bigint): bigint {
	const q = a / b;
	return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Go's "-07:00" / "Z07:00" zone texts. */
export function zoneText(offset: number, colon: boolean, zForUtc: boolean): string {
	if (offset === 0 && zForUtc) return 'Z';
	const a = Math.abs(offset);
	const sign = offset < 0 ? '-' : '+';
	return `${sign}${pad(Math.floor(a / 3600))}${colon ? ':' : ''}${pad(Math.floor(a / 60) % 60)}`;
}

/** time.Format(time.RFC3339): seconds precision, `Z` for a zero offset. */
export function formatRfc3339(t: GoTime): string {
	const c = civil(t);
	return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}${zoneText(t.offset, true, true)}`;
}

const UNITS: Record<string, bigint> = {
	ns: 1n,
	us: 1_000n,
	µs: 1_000n,
	μs: 1_000n,
	ms: 1_000_000n,
	s: 1_000_000_000n,
	m: 60_000_000_000n,
	h: 3_600_000_000_000n,
};

/** time.ParseDuration, in nanoseconds, with Go's error texts. */
export function parseDuration(orig: string): bigint {
	const q = JSON.stringify(orig);
	const invalid = () => new Error(`time: invalid duration ${q}`);
	let s = orig;
	let neg = false;
	if (s[0] === '-' || s[0] === '+') {
		neg = s[0] === '-';
		s = s.slice(1);
	}
	if (s === '0') return 0n;
	if (s === '') throw invalid();
	let total = 0n;
	while (s !== '') {
		const m = /^(\d*)(?:\.(\d*))?/.exec(s);
		const whole = m?.[1] ?? '';
		const frac = m?.[2];
		if (whole === '' && (frac === undefined || frac === '')) throw invalid();
		s = s.slice(m?.[0].length ?? 0);
		const um = /^[^\d.]*/.exec(s);
		const unitText = um?.[0] ?? '';
		if (unitText === '') throw new Error(`time: missing unit in duration ${q}`);
		const unit = UNITS[unitText];
		if (unit === undefined) {
			throw new Error(`time: unknown unit ${JSON.stringify(unitText)} in duration ${q}`);
		}
		s = s.slice(unitText.length);
		let v = BigInt(whole || '0') * unit;
		if (frac) v += (BigInt(frac) * unit) / 10n ** BigInt(frac.length);
		total += v;
		if (total > 2n ** 63n - 1n) throw invalid();
	}
	return neg ? -total : total;
}
