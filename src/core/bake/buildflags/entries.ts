// The composite entries of a target (buildx util/buildflags): parsed from a CSV string or a
// string map as written in the bake file, printed back in buildx's canonical String() form.

import type {CompositeEntry} from '../config.js';
import {BakeError} from '../resolve/errors.js';
import {CsvWriter, csvFields} from './csv.js';

export interface ExportEntry {
	readonly type: string;
	readonly dest?: string;
	readonly attrs: Readonly<Record<string, string>>;
}

export interface CacheEntry {
	readonly type: string;
	readonly attrs: Readonly<Record<string, string>>;
}

export interface AttestEntry {
	readonly type: string;
	readonly disabled?: boolean;
	readonly attrs: Readonly<Record<string, string>>;
}

export interface SecretEntry {
	readonly id: string;
	readonly src: string;
	readonly env: string;
}

export interface SshEntry {
	readonly id: string;
	readonly paths?: readonly string[];
}

/** Policy entries are kept as key/value maps; buildx prints them the same way. */
export type PolicyEntry = Readonly<Record<string, string>>;

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** Go's strconv.ParseBool; undefined when the text is not a boolean. */
export function parseGoBool(text: string): boolean | undefined {
	if (TRUE.has(text)) return true;
	if (FALSE.has(text)) return false;
	return undefined;
}

function pairs(text: string, invalid: (field: string) => string): [string, string][] {
	return csvFields(text).map((field) => {
		const eq = field.indexOf('=');
		if (eq < 0) throw new BakeError(invalid(field));
		return [field.slice(0, eq), field.slice(eq + 1)];
	});
}

function dict(): Record<string, string> {
	return Object.create(null) as Record<string, string>;
}

export function parseExport(text: string): ExportEntry {
	const fields = csvFields(text);
	if (fields.length === 1 && fields[0] === text && !text.startsWith('type=')) {
		// A bare path: `-` is a tar stream on stdout, anything else a local directory.
		return {type: text === '-' ? 'tar' : 'local', dest: text, attrs: dict()};
	}
	let type = '';
	let dest = '';
	const attrs = dict();
	for (const [k, value] of pairs(text, (f) => `invalid value ${f}`)) {
		const key = k.trim().toLowerCase();
		if (key === 'type') type = value;
		else if (key === 'dest') dest = value;
		else attrs[key] = value;
	}
	if (!type) throw new BakeError('type is required for output');
	return dest ? {type, dest, attrs} : {type, attrs};
}

function exportFromMap(m: Readonly<Record<string, string>>): ExportEntry {
	const attrs = dict();
	for (const [k, v] of Object.entries(m)) if (k !== 'type' && k !== 'dest') attrs[k] = v;
	const type = m['type'] ?? '';
	if (!type) throw new BakeError('type is required for output');
	return m['dest'] ? {type, dest: m['dest'], attrs} : {type, attrs};
}

/** One cache entry; a bare reference means a registry cache. */
export function parseCache(text: string): CacheEntry {
	const fields = csvFields(text);
	if (fields.length === 1 && !fields[0]?.includes('=')) {
		const attrs = dict();
		attrs['ref'] = fields[0] ?? '';
		return {type: 'registry', attrs};
	}
	let type = '';
	const attrs = dict();
	for (const [k, value] of pairs(text, (f) => `invalid value ${f}`)) {
		const key = k.toLowerCase();
		if (key === 'type') type = value;
		else attrs[key] = value;
	}
	if (!type) throw new BakeError(`type required form> ${JSON.stringify(text)}`);
	return {type, attrs};
}

/** A cache string without `=` is a list of references, one entry each (`"ref1,ref2"`). */
export function parseCacheList(text: string): CacheEntry[] {
	if (text === '') return [];
	if (!text.includes('=')) return csvFields(text).map(parseCache);
	return [parseCache(text)];
}

function cacheFromMap(m: Readonly<Record<string, string>>): CacheEntry {
	const attrs = dict();
	for (const [k, v] of Object.entries(m)) if (k !== 'type') attrs[k] = v;
	const type = m['type'] ?? '';
	if (!type) throw new BakeError(`type required form> ${JSON.stringify(JSON.stringify(m))}`);
	return {type, attrs};
}

export function parseAttest(text: string): AttestEntry {
	let type = '';
	let disabled = false;
	const attrs = dict();
	for (const [key, value] of pairs(text, (f) => `invalid value ${f}`)) {
		const k = key.trim().toLowerCase();
		if (k === 'type') type = value;
		else if (k === 'disabled') {
			const b = parseGoBool(value);
			if (b === undefined)
				throw new BakeError(
					`invalid value ${key}=${value}: strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`,
				);
			disabled = b;
		} else attrs[key] = value;
	}
	if (!type) throw new BakeError('attestation type not specified');
	return disabled ? {type, disabled, attrs} : {type, attrs};
}

function attestFromMap(m: Readonly<Record<string, string>>): AttestEntry {
	const attrs = dict();
	for (const [k, v] of Object.entries(m)) if (k !== 'type' && k !== 'disabled') attrs[k] = v;
	const type = m['type'] ?? '';
	if (!type) throw new BakeError('attestation type not specified');
	const disabled = m['disabled'] !== undefined && parseGoBool(m['disabled']) === true;
	return disabled ? {type, disabled, attrs} : {type, attrs};
}

export function parseSecret(text: string): SecretEntry {
	let id = '';
	let src = '';
	let env = '';
	let type = '';
	for (const field of csvFields(text)) {
		const eq = field.indexOf('=');
		const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
		if (eq < 0) throw new BakeError(`invalid field '${field}' must be a key=value pair`);
		const value = field.slice(eq + 1);
		if (key === 'type') {
			if (value !== 'file' && value !== 'env')
				throw new BakeError(`unsupported secret type ${JSON.stringify(value)}`);
			type = value;
		} else if (key === 'id') id = value;
		else if (key === 'source' || key === 'src') src = value;
		else if (key === 'env') env = value;
		else throw new BakeError(`unexpected key '${key}' in '${field}'`);
	}
	if (type === 'env' && env === '') return {id, src: '', env: src};
	return {id, src, env};
}

function secretFromMap(m: Readonly<Record<string, string>>): SecretEntry {
	return {id: m['id'] ?? '', src: m['src'] ?? m['source'] ?? '', env: m['env'] ?? ''};
}

export function parseSsh(text: string): SshEntry {
	const eq = text.indexOf('=');
	if (eq < 0) return {id: text};
	return {id: text.slice(0, eq), paths: text.slice(eq + 1).split(',')};
}

function sshFromMap(m: Readonly<Record<string, string>>): SshEntry {
	const paths = m['paths'];
	return paths ? {id: m['id'] ?? '', paths: paths.split(',')} : {id: m['id'] ?? ''};
}

function policyFromText(text: string): PolicyEntry {
	const out = dict();
	for (const [k, v] of pairs(text, (f) => `invalid value ${f}`)) out[k.toLowerCase()] = v;
	return out;
}

/** Parses a list as written in a bake file; empty strings are skipped as buildx skips them. */
export function fromComposites<T>(
	list: readonly CompositeEntry[],
	text: (s: string) => T | T[],
	map: (m: Readonly<Record<string, string>>) => T,
): T[] {
	const out: T[] = [];
	for (const entry of list) {
		if (typeof entry === 'string') {
			if (entry === '') continue;
			const parsed = text(entry);
			if (Array.isArray(parsed)) out.push(...parsed);
			else out.push(parsed);
		} else out.push(map(entry));
	}
	return out;
}

export const readExports = (l: readonly CompositeEntry[]) =>
	fromComposites(l, parseExport, exportFromMap);
export const readCaches = (l: readonly CompositeEntry[]) =>
	fromComposites(l, parseCacheList, cacheFromMap);
export const readAttests = (l: readonly CompositeEntry[]) =>
	fromComposites(l, parseAttest, attestFromMap);
export const readSecrets = (l: readonly CompositeEntry[]) =>
	fromComposites(l, parseSecret, secretFromMap);
export const readSsh = (l: readonly CompositeEntry[]) => fromComposites(l, parseSsh, sshFromMap);
export const readPolicies = (l: readonly CompositeEntry[]): PolicyEntry[] =>
	fromComposites<PolicyEntry>(l, policyFromText, (m) => ({...m}));

// --- canonical String() forms -------------------------------------------------------------

export function exportString(e: ExportEntry): string {
	const w = new CsvWriter();
	if (e.type) w.write('type', e.type);
	if (e.dest) w.write('dest', e.dest);
	return w.writeAttrs(e.attrs).toString();
}

export function cacheString(e: CacheEntry): string {
	const keys = Object.keys(e.attrs);
	if (e.type === 'registry' && keys.length === 1 && keys[0] === 'ref') return e.attrs['ref'] ?? '';
	const w = new CsvWriter();
	if (e.type) w.write('type', e.type);
	return w.writeAttrs(e.attrs).toString();
}

export function attestString(e: AttestEntry): string {
	const w = new CsvWriter();
	if (e.type) w.write('type', e.type);
	if (e.disabled) w.write('disabled', 'true');
	return w.writeAttrs(e.attrs).toString();
}

export function secretString(e: SecretEntry): string {
	const w = new CsvWriter();
	if (e.id) w.write('id', e.id);
	if (e.src) w.write('src', e.src);
	if (e.env) w.write('env', e.env);
	return w.toString();
}

export function sshString(e: SshEntry): string {
	if (!e.paths || e.paths.length === 0) return e.id;
	return new CsvWriter().write(e.id, e.paths.join(',')).toString();
}
