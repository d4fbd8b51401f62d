// csvdecode after cty's stdlib, which reads with Go's encoding/csv (RFC 4180, strict quotes,
// every record as wide as the header row).

import type {Type, Value} from '../cty/value.js';
import {object, STRING, str} from '../cty/value.js';
import {str as strArg} from './args.js';
import type {FunctionDef} from './types.js';
import {FunctionError} from './types.js';

interface CsvRecord {
	readonly fields: string[];
	/** 1-based line the record starts on (Go's ParseError.StartLine). */
	readonly line: number;
}

class CsvError extends Error {
	readonly line: number;
	constructor(line: number, message: string) {
		super(message);
		this.line = line;
	}
}

/** Go encoding/csv reading: blank lines skipped, CRLF folded, `""` escapes inside quotes. */
export function* readCsv(text: string): Generator<CsvRecord> {
	const src = text.replace(/\r\n/g, '\n').replace(/\r$/, '');
	let width = -1;
	let i = 0;
	let line = 1;
	while (i < src.length) {
		if (src[i] === '\n') {
			i++;
			line++;
			continue;
		}
		const start = line;
		const fields: string[] = [];
		for (;;) {
			let field = '';
			if (src[i] === '"') {
				i++;
				for (;;) {
					if (i >= src.length) throw new CsvError(line, 'extraneous or missing " in quoted-field');
					const c = src[i] as string;
					if (c === '"') {
						if (src[i + 1] === '"') {
							field += '"';
							i += 2;
							continue;
						}
						i++;
						break;
					}
					if (c === '\n') line++;
					field += c;
					i++;
				}
				if (i < src.length && src[i] !== ',' && src[i] !== '\n') {
					throw new CsvError(line, 'extraneous or missing " in quoted-field');
				}
			} else {
				while (i < src.length && src[i] !== ',' && src[i] !== '\n') {
					if (src[i] === '"') throw new CsvError(line, 'bare " in non-quoted-field');
					field += src[i];
					i++;
				}
			}
			fields.push(field);
			if (src[i] === ',') {
				i++;
				continue;
			}
			break;
		}
		if (src[i] === '\n') {
			i++;
			line++;
		}
		// Go checks FieldsPerRecord (the header's width) as each record is read.
		if (width >= 0 && fields.length !== width) throw new CsvError(start, 'wrong number of fields');
		width = fields.length;
		yield {fields, line: start};
	}
}

function csvDecode(text: string): Value {
	try {
		const reader = readCsv(text);
		const first = reader.next();
		if (first.done) throw new FunctionError('missing header line');
		const header = first.value.fields;
		const attrs: Record<string, Type> = {};
		for (const name of header) {
			if (Object.hasOwn(attrs, name)) {
				throw new FunctionError(`duplicate column name ${JSON.stringify(name)}`);
			}
			attrs[name] = STRING;
		}
		const items: Value[] = [];
		for (const row of reader) {
			items.push(object(row.fields.map((f, k) => [header[k] as string, str(f)] as const)));
		}
		return {kind: 'list', elem: {kind: 'object', attrs}, items};
	} catch (err) {
		if (err instanceof CsvError) {
			throw new FunctionError(`CSV parse error on line ${err.line}: ${err.message}`);
		}
		throw err;
	}
}

export const CSV_FUNCTIONS: Record<string, FunctionDef> = {
	csvdecode: {
		description: 'Parses CSV text (RFC 4180) into a list of objects keyed by the header row.',
		params: [{name: 'str', type: STRING}],
		impl: (args) => csvDecode(strArg(args, 0)),
	},
};
