// CSV as buildx reads and writes composite entries (`type=local,dest=out`).
// Reading follows go-csvvalue.Fields (RFC 4180: `"` quotes a field, `""` is a quote inside one);
// writing follows buildx's csvBuilder (a pair holding `,` is quoted whole, nothing else escaped).

import {BakeError} from '../resolve/errors.js';

/** Splits one CSV record into its fields. Throws BakeError on a malformed quote. */
export function csvFields(text: string): string[] {
	const fields: string[] = [];
	let i = 0;
	const n = text.length;
	for (;;) {
		if (text[i] === '"') {
			// Quoted field: runs to the next lone quote.
			let value = '';
			let j = i + 1;
			for (;;) {
				const q = text.indexOf('"', j);
				if (q < 0)
					throw new BakeError(
						`parse error on line 1, column ${n + 1}: extraneous or missing " in quoted-field`,
					);
				value += text.slice(j, q);
				if (text[q + 1] === '"') {
					value += '"';
					j = q + 2;
					continue;
				}
				i = q + 1;
				break;
			}
			if (i < n && text[i] !== ',')
				throw new BakeError(
					`parse error on line 1, column ${i + 1}: extraneous or missing " in quoted-field`,
				);
			fields.push(value);
		} else {
			const end = text.indexOf(',', i);
			const value = end < 0 ? text.slice(i) : text.slice(i, end);
			const quote = value.indexOf('"');
			if (quote >= 0)
				throw new BakeError(
					`parse error on line 1, column ${i + quote + 1}: bare " in non-quoted-field`,
				);
			fields.push(value);
			i = end < 0 ? n : end;
		}
		if (i >= n) return fields;
		i++; // the comma
	}
}

/** Builds `k=v,k2=v2` the way buildx's csvBuilder does. */
export class CsvWriter {
	private parts: string[] = [];

	write(key: string, value: string): this {
		const quote = value.includes(',') || key.includes(',');
		this.parts.push(quote ? `"${key}=${value}"` : `${key}=${value}`);
		return this;
	}

	/** Attributes sorted by key, as Go's sort.Strings orders them. */
	writeAttrs(attrs: Readonly<Record<string, string>>): this {
		for (const key of Object.keys(attrs).sort(compareGo)) this.write(key, attrs[key] ?? '');
		return this;
	}

	toString(): string {
		return this.parts.join(',');
	}
}

/** Go compares strings byte-wise (UTF-8); for the BMP without surrogates this equals code-unit order. */
export function compareGo(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
