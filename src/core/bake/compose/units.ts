// docker/go-units as buildx uses it on compose values: `shm_size` is read with RAMInBytes
// (binary multiples: `128m` = 128 MiB) and written back with BytesSize (`128MiB`), and each
// ulimit goes through ParseUlimit and Ulimit.String (`nofile=1024:2048`), which also checks
// the name and that soft <= hard.

import {goFormatG} from './values.js';

export class UnitsError extends Error {}

const BINARY: Record<string, number> = {
	k: 1024,
	m: 1024 ** 2,
	g: 1024 ** 3,
	t: 1024 ** 4,
	p: 1024 ** 5,
};

export function ramInBytes(size: string): number {
	const m = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(size);
	if (!m) throw new UnitsError(`invalid size: '${size}'`);
	const n = Number.parseFloat(m[1] as string);
	if (Number.isNaN(n)) throw new UnitsError(`invalid size: '${size}'`);
	const mul = m[2] ? (BINARY[m[2].toLowerCase()] ?? 1) : 1;
	return Math.trunc(n * mul);
}

const BINARY_ABBRS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

export function bytesSize(size: number): string {
	let s = size;
	let i = 0;
	while (s >= 1024 && i < BINARY_ABBRS.length - 1) {
		s /= 1024;
		i++;
	}
	return `${goFormatG(s, 4)}${BINARY_ABBRS[i]}`;
}

const ULIMIT_NAMES = new Set([
	'core',
	'cpu',
	'data',
	'fsize',
	'locks',
	'memlock',
	'msgqueue',
	'nice',
	'nofile',
	'nproc',
	'rss',
	'rtprio',
	'rttime',
	'sigpending',
	'stack',
]);

/** units.ParseUlimit(`name=soft:hard`).String(). */
export function ulimitString(name: string, soft: bigint, hard: bigint): string {
	if (!ULIMIT_NAMES.has(name)) throw new UnitsError(`invalid ulimit type: ${name}`);
	if (hard !== -1n && soft > hard)
		throw new UnitsError(
			`ulimit soft limit must be less than or equal to hard limit: ${soft} > ${hard}`,
		);
	return `${name}=${soft}:${hard}`;
}
