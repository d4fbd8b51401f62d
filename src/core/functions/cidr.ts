// cidrhost / cidrnetmask / cidrsubnet / cidrsubnets after go-cty-funcs `cidr`, which uses Go's
// net.ParseCIDR and apparentlymart/go-cidr. Addresses are bigints of 32 or 128 bits.

import type {Value} from '../cty/value.js';
import {NUMBER, STRING, str} from '../cty/value.js';
import {intArg, str as strArg} from './args.js';
import type {FunctionDef} from './types.js';
import {FunctionArgError, FunctionError} from './types.js';

function listOfStrings(items: readonly string[]): Value {
	return {kind: 'list', elem: STRING, items: items.map(str)};
}

export interface Net {
	/** 32 or 128. */
	readonly bits: number;
	/** Network address (host bits cleared). */
	readonly addr: bigint;
	readonly prefix: number;
}

function parseIPv4(s: string): bigint | undefined {
	const parts = s.split('.');
	if (parts.length !== 4) return undefined;
	let v = 0n;
	for (const p of parts) {
		if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p[0] === '0') || Number(p) > 255) return undefined;
		v = (v << 8n) | BigInt(p);
	}
	return v;
}

function parseIPv6(s: string): bigint | undefined {
	if (s.includes('%')) return undefined; // zones are rejected by ParseCIDR
	const halves = s.split('::');
	if (halves.length > 2) return undefined;
	const groups = (h: string): bigint[] | undefined => {
		if (h === '') return [];
		const out: bigint[] = [];
		const parts = h.split(':');
		for (let i = 0; i < parts.length; i++) {
			const p = parts[i] ?? '';
			if (i === parts.length - 1 && p.includes('.')) {
				const v4 = parseIPv4(p);
				if (v4 === undefined) return undefined;
				out.push(v4 >> 16n, v4 & 0xffffn);
			} else if (/^[0-9a-fA-F]{1,4}$/.test(p)) out.push(BigInt(`0x${p}`));
			else return undefined;
		}
		return out;
	};
	const head = groups(halves[0] ?? '');
	const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
	if (!head || !tail) return undefined;
	const missing = 8 - head.length - tail.length;
	if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
	let v = 0n;
	for (const g of [...head, ...Array<bigint>(missing).fill(0n), ...tail]) v = (v << 16n) | g;
	return v;
}

function mask(bits: number, prefix: number): bigint {
	return ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
}

/** net.ParseCIDR, with go-cty-funcs' wrapping of its error. */
export function parseCidr(s: string): Net {
	const fail = () => new Error(`invalid CIDR expression: invalid CIDR address: ${s}`);
	const slash = s.indexOf('/');
	if (slash < 0) throw fail();
	const ipText = s.slice(0, slash);
	const lenText = s.slice(slash + 1);
	const v4 = parseIPv4(ipText);
	const bits = v4 === undefined ? 128 : 32;
	const ip = v4 ?? parseIPv6(ipText);
	if (ip === undefined || !/^\d+$/.test(lenText) || Number(lenText) > bits) throw fail();
	const prefix = Number(lenText);
	return {bits, addr: ip & mask(bits, prefix), prefix};
}

/** net.IP.String: dotted IPv4 (also for IPv4-mapped IPv6), RFC 5952 IPv6. */
export function formatIP(addr: bigint, bits: number): string {
	if (bits === 32 || addr >> 32n === 0xffffn) {
		const b = addr & 0xffffffffn;
		return [24n, 16n, 8n, 0n].map((sh) => String((b >> sh) & 0xffn)).join('.');
	}
	const g: number[] = [];
	for (let i = 7; i >= 0; i--) g.push(Number((addr >> BigInt(i * 16)) & 0xffffn));
	let bestStart = -1;
	let bestLen = 1;
	for (let i = 0; i < 8; ) {
		if (g[i] !== 0) {
			i++;
			continue;
		}
		let j = i;
		while (j < 8 && g[j] === 0) j++;
		if (j - i > bestLen) {
			bestStart = i;
			bestLen = j - i;
		}
		i = j;
	}
	const hex = (xs: number[]) => xs.map((x) => x.toString(16)).join(':');
	if (bestStart < 0) return hex(g);
	return `${hex(g.slice(0, bestStart))}::${hex(g.slice(bestStart + bestLen))}`;
}

function formatNet(n: Net): string {
	return `${formatIP(n.addr, n.bits)}/${n.prefix}`;
}

const U64 = 2n ** 64n;
const toInt64 = (u: bigint) => (u >= 2n ** 63n ? u - U64 : u);
/** Go's uint64(1<<uint64(n)) - 1, wrapping as Go does for n >= 64. */
const maxNum = (n: bigint) => (n >= 64n || n < 0n ? U64 - 1n : (1n << n) - 1n);

/** go-cidr Host. */
export function cidrHost(net: Net, num: bigint): string {
	const hostLen = BigInt(net.bits - net.prefix);
	const max = maxNum(hostLen);
	let n = num;
	let u = ((num % U64) + U64) % U64;
	if (num < 0n) {
		u = (-num - 1n) % U64;
		n = toInt64((((max - u) % U64) + U64) % U64);
	}
	if (u > max) throw new Error(`prefix of ${net.prefix} does not accommodate a host numbered ${n}`);
	return formatIP(net.addr | (n & ((1n << BigInt(net.bits)) - 1n)), net.bits);
}

/** go-cidr Subnet. */
export function cidrSubnet(net: Net, newBits: bigint, num: bigint): Net {
	const newPrefix = BigInt(net.prefix) + newBits;
	if (newPrefix > BigInt(net.bits)) {
		throw new Error(`insufficient address space to extend prefix of ${net.prefix} by ${newBits}`);
	}
	if (((num % U64) + U64) % U64 > maxNum(newBits)) {
		throw new Error(`prefix extension of ${newBits} does not accommodate a subnet numbered ${num}`);
	}
	const prefix = Number(newPrefix);
	return {bits: net.bits, addr: net.addr | (num << BigInt(net.bits - prefix)), prefix};
}

function lastAddr(n: Net): bigint {
	return n.addr | ((1n << BigInt(n.bits - n.prefix)) - 1n);
}

export const CIDR_FUNCTIONS: Record<string, FunctionDef> = {
	cidrhost: {
		description: 'Calculates a full host IP address within a given IP network address prefix.',
		params: [
			{name: 'prefix', type: STRING},
			{name: 'hostnum', type: NUMBER},
		],
		impl: (args) => {
			const num = intArg(args, 1, false);
			return str(call(() => cidrHost(parseCidr(strArg(args, 0)), num)));
		},
	},
	cidrnetmask: {
		description: 'Converts an address prefix in CIDR notation into a subnet mask address.',
		params: [{name: 'prefix', type: STRING}],
		impl: (args) => {
			const net = call(() => parseCidr(strArg(args, 0)));
			return str(formatIP(mask(net.bits, net.prefix), net.bits));
		},
	},
	cidrsubnet: {
		description: 'Calculates a subnet address within a given IP network address prefix.',
		params: [
			{name: 'prefix', type: STRING},
			{name: 'newbits', type: NUMBER},
			{name: 'netnum', type: NUMBER},
		],
		impl: (args) => {
			const newBits = intArg(args, 1, false);
			const num = intArg(args, 2, false);
			const net = call(() => parseCidr(strArg(args, 0)));
			if (newBits > 32n) throw new FunctionError('may not extend prefix by more than 32 bits');
			return str(formatNet(call(() => cidrSubnet(net, newBits, num))));
		},
	},
	cidrsubnets: {
		description: 'Calculates a sequence of consecutive subnet prefixes within a base prefix.',
		params: [{name: 'prefix', type: STRING}],
		varParam: {name: 'newbits', type: NUMBER},
		impl: (args) => {
			let net: Net;
			try {
				net = parseCidr(strArg(args, 0));
			} catch (err) {
				throw new FunctionArgError(0, (err as Error).message);
			}
			if (args.length === 1) return listOfStrings([]);
			const first = intArg(args, 1, true) + BigInt(net.prefix);
			// go-cidr PreviousSubnet: the block of the first length just below the base address.
			const firstPrefix = Number(first < 0n ? 0n : first > BigInt(net.bits) ? net.bits : first);
			const all = (1n << BigInt(net.bits)) - 1n;
			let current: Net = {
				bits: net.bits,
				addr: (net.addr - 1n) & all & mask(net.bits, firstPrefix),
				prefix: firstPrefix,
			};
			const out: string[] = [];
			for (let i = 1; i < args.length; i++) {
				const ext = intArg(args, i, true);
				if (ext < 1n) throw new FunctionArgError(i, 'must extend prefix by at least one bit');
				if (ext > 32n) throw new FunctionArgError(i, 'may not extend prefix by more than 32 bits');
				const length = Number(ext) + net.prefix;
				if (length > net.bits) {
					throw new FunctionArgError(
						i,
						`would extend prefix to ${length} bits, which is too long for an ${net.bits === 32 ? 'IPv4' : 'IPv6'} address`,
					);
				}
				// go-cidr NextSubnet: the block after the one of `length` holding current's last address.
				const m = mask(net.bits, length);
				const inc =
					(lastAddr({...current, addr: lastAddr(current) & m, prefix: length}) + 1n) & all;
				const next: Net = {bits: net.bits, addr: inc & m, prefix: length};
				if (inc === 0n || (next.addr & mask(net.bits, net.prefix)) !== net.addr) {
					throw new FunctionArgError(
						i,
						`not enough remaining address space for a subnet with a prefix of ${length} bits after ${formatNet(current)}`,
					);
				}
				current = next;
				out.push(formatNet(current));
			}
			return listOfStrings(out);
		},
	},
};

/** go-cty-funcs returns these errors bare: they are call errors, not argument errors. */
function call<T>(fn: () => T): T {
	try {
		return fn();
	} catch (err) {
		if (err instanceof FunctionError || err instanceof FunctionArgError) throw err;
		throw new FunctionError((err as Error).message);
	}
}
