// timestamp, formatdate, timeadd (go-cty stdlib) and buildx's formattimestamp and
// unixtimestampparse.

import {Num} from '../cty/number.js';
import type {Value} from '../cty/value.js';
import {DYNAMIC, NUMBER, object, STRING, str} from '../cty/value.js';
import {str as strArg} from './args.js';
import {
	civil,
	formatRfc3339,
	type GoTime,
	parseDuration,
	parseRfc3339,
	zoneText,
} from './time-parse.js';
import type {FunctionDef} from './types.js';
import {FunctionArgError, FunctionError} from './types.js';

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const isVerbChar = (c: string) => /^[a-zA-Z]$/.test(c);

/** cty's splitDateFormat: quoted literals, runs of one letter, other literal text. */
function tokenize(format: string): string[] {
	const tokens: string[] = [];
	let i = 0;
	while (i < format.length) {
		const c = format[i] as string;
		let j = i + 1;
		if (c === "'") {
			if (format[j] === "'") j++;
			else {
				while (j < format.length) {
					if (format[j] === "'") {
						if (format[j + 1] === "'") {
							j += 2;
							continue;
						}
						j++;
						break;
					}
					j++;
				}
			}
		} else if (isVerbChar(c)) {
			while (j < format.length && format[j] === c) j++;
		} else {
			while (j < format.length && format[j] !== "'" && !isVerbChar(format[j] as string)) j++;
		}
		tokens.push(format.slice(i, j));
		i = j;
	}
	return tokens;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function verbError(tok: string, detail?: string): FunctionArgError {
	const q = JSON.stringify(tok);
	return new FunctionArgError(0, `invalid date format verb ${q}${detail ? `: ${detail}` : ''}`);
}

/** formatdate's formatter; errors are about argument 0 (the format). */
export function formatDate(format: string, t: GoTime): string {
	const c = civil(t);
	let out = '';
	for (const tok of tokenize(format)) {
		const n = tok.length;
		const one = (v: number, what: string, a: string) => {
			if (n === 1) return String(v);
			if (n === 2) return pad(v);
			throw verbError(tok, `${what} must either be "${a}" or "${a}${a}"`);
		};
		switch (tok[0]) {
			case "'":
				if (n === 1 || tok[n - 1] !== "'") throw new FunctionArgError(0, "unterminated literal '");
				out += n === 2 ? "'" : tok.slice(1, -1).replace(/''/g, "'");
				break;
			case 'Y':
				if (n === 2) out += pad(c.year % 100);
				else if (n === 4) out += pad(c.year, 4);
				else throw verbError(tok, 'year must either be "YY" or "YYYY"');
				break;
			case 'M':
				if (n <= 2) out += n === 1 ? String(c.month) : pad(c.month);
				else if (n === 3) out += (MONTHS[c.month - 1] ?? '').slice(0, 3);
				else if (n === 4) out += MONTHS[c.month - 1] ?? '';
				else throw verbError(tok, 'month must be "M", "MM", "MMM", or "MMMM"');
				break;
			case 'D':
				out += one(c.day, 'day of month', 'D');
				break;
			case 'E':
				if (n === 3) out += (WEEKDAYS[c.weekday] ?? '').slice(0, 3);
				else if (n === 4) out += WEEKDAYS[c.weekday] ?? '';
				else throw verbError(tok, 'day of week must either be "EEE" or "EEEE"');
				break;
			case 'h':
				out += one(c.hour, '24-hour', 'h');
				break;
			case 'H':
				out += one(c.hour % 12 === 0 ? 12 : c.hour % 12, '12-hour', 'H');
				break;
			case 'A':
			case 'a': {
				const a = tok[0];
				if (n !== 2) throw verbError(tok, `must be "${a}${a}"`);
				const pm = c.hour >= 12;
				out += a === 'A' ? (pm ? 'PM' : 'AM') : pm ? 'pm' : 'am';
				break;
			}
			case 'm':
				out += one(c.minute, 'minute', 'm');
				break;
			case 's':
				out += one(c.second, 'second', 's');
				break;
			case 'Z':
				if (n === 1) out += zoneText(t.offset, true, true);
				else if (n === 3) out += t.offset === 0 ? 'UTC' : zoneText(t.offset, false, false);
				else if (n === 4) out += zoneText(t.offset, false, false);
				else if (n === 5) out += zoneText(t.offset, true, false);
				else throw verbError(tok, 'timezone must be Z, ZZZZ, or ZZZZZ');
				break;
			default:
				if (isVerbChar(tok[0] ?? '')) throw verbError(tok);
				out += tok;
		}
	}
	return out;
}

function timeArg(s: string, argIndex: number): GoTime {
	try {
		return parseRfc3339(s);
	} catch (err) {
		throw new FunctionArgError(argIndex, (err as Error).message);
	}
}

/** Go's Time.ISOWeek. */
export function isoWeek(t: GoTime): {year: number; week: number} {
	const c = civil(t);
	// Shift to the Thursday of this ISO week; its year is the ISO year.
	const monday0 = (c.weekday + 6) % 7;
	const thursday = new Date(Date.UTC(2000, 0, 1));
	thursday.setUTCFullYear(c.year, c.month - 1, c.day - monday0 + 3);
	const jan1 = new Date(Date.UTC(2000, 0, 1));
	jan1.setUTCFullYear(thursday.getUTCFullYear(), 0, 1);
	const dayOfYear = Math.round((thursday.getTime() - jan1.getTime()) / 86_400_000);
	return {year: thursday.getUTCFullYear(), week: Math.floor(dayOfYear / 7) + 1};
}

const fromUnix = (secs: bigint): GoTime => ({ns: secs * 1_000_000_000n, offset: 0});

function unixArg(v: Value | undefined, argIndex: number): bigint | undefined {
	if (v?.kind === 'number') {
		const n = v.value.toBigInt();
		if (n === undefined) throw new FunctionArgError(argIndex, 'value must be a whole number');
		return n;
	}
	if (v?.kind === 'string' && /^-?\d+$/.test(v.value)) return BigInt(v.value);
	return undefined;
}

export const DATETIME_FUNCTIONS: Record<string, FunctionDef> = {
	timestamp: {
		description: 'Returns the current UTC date and time as an RFC 3339 timestamp.',
		params: [],
		impl: () => str(`${new Date().toISOString().slice(0, 19)}Z`),
	},
	formatdate: {
		description: 'Formats an RFC 3339 timestamp with a format specification string.',
		params: [
			{name: 'format', type: STRING},
			{name: 'time', type: STRING},
		],
		impl: (args) => str(formatDate(strArg(args, 0), timeArg(strArg(args, 1), 1))),
	},
	timeadd: {
		description: 'Adds a Go duration string (like "1h30m") to an RFC 3339 timestamp.',
		params: [
			{name: 'timestamp', type: STRING},
			{name: 'duration', type: STRING},
		],
		impl: (args) => {
			let t: GoTime;
			let d: bigint;
			try {
				t = parseRfc3339(strArg(args, 0));
				d = parseDuration(strArg(args, 1));
			} catch (err) {
				throw new FunctionError((err as Error).message);
			}
			return str(formatRfc3339({ns: t.ns + d, offset: t.offset}));
		},
	},
	formattimestamp: {
		description: 'Formats an RFC 3339 or unix-seconds timestamp ("X" gives unix seconds).',
		params: [
			{name: 'format', type: STRING},
			{name: 'timestamp', type: DYNAMIC},
		],
		impl: (args) => {
			const format = strArg(args, 0);
			const raw = args[1];
			const unix = unixArg(raw, 1);
			let t: GoTime;
			if (unix !== undefined) t = fromUnix(unix);
			else if (raw?.kind === 'string') t = timeArg(raw.value, 1);
			else throw new FunctionArgError(1, 'timestamp must be an RFC 3339 string or unix seconds');
			if (format === 'X') {
				const secs = t.ns / 1_000_000_000n - (t.ns % 1_000_000_000n < 0n ? 1n : 0n);
				return str(String(secs));
			}
			return str(formatDate(format, t));
		},
	},
	unixtimestampparse: {
		description: 'Splits a unix timestamp (seconds) into UTC date and time fields.',
		params: [{name: 'unix_timestamp', type: NUMBER}],
		impl: (args) => {
			const secs = unixArg(args[0], 0) ?? 0n;
			const t = fromUnix(secs);
			const c = civil(t);
			const iso = isoWeek(t);
			const n = (x: number) => ({kind: 'number', value: Num.fromInt(x)}) as const;
			return object([
				['year', n(c.year)],
				['year_day', n(c.yearDay)],
				['day', n(c.day)],
				['month', n(c.month)],
				['month_name', str(MONTHS[c.month - 1] ?? '')],
				['weekday', n(c.weekday)],
				['weekday_name', str(WEEKDAYS[c.weekday] ?? '')],
				['hour', n(c.hour)],
				['minute', n(c.minute)],
				['second', n(c.second)],
				['rfc3339', str(formatRfc3339(t))],
				['iso_year', n(iso.year)],
				['iso_week', n(iso.week)],
			]);
		},
	},
};
