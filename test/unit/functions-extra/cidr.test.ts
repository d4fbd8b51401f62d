import {describe, expect, it} from 'vitest';
import {CIDR_FUNCTIONS} from '../../../src/core/functions/cidr.js';
import {FunctionArgError, FunctionError} from '../../../src/core/functions/types.js';
import {callJs, n, s} from './helpers.js';

const c = (name: string, prefix: string, ...nums: number[]) =>
	callJs(CIDR_FUNCTIONS, name, s(prefix), ...nums.map((x) => n(x)));

describe('cidrhost', () => {
	it('computes IPv4 and IPv6 hosts, negative numbers from the end', () => {
		expect(c('cidrhost', '10.12.112.0/20', 16)).toBe('10.12.112.16');
		expect(c('cidrhost', '10.12.112.0/20', 268)).toBe('10.12.113.12');
		expect(c('cidrhost', '10.0.0.0/24', -1)).toBe('10.0.0.255');
		expect(c('cidrhost', 'fd00:fd12:3456:7890:00a2::/72', 34)).toBe('fd00:fd12:3456:7890::22');
	});
	it('errors like go-cty-funcs', () => {
		expect(() => c('cidrhost', '10.0.0.0/30', 4)).toThrow(
			'prefix of 30 does not accommodate a host numbered 4',
		);
		expect(() => c('cidrhost', '1.2.3.4', 1)).toThrow(
			'invalid CIDR expression: invalid CIDR address: 1.2.3.4',
		);
		expect(() => c('cidrhost', '10.01.0.0/8', 1)).toThrow(FunctionError);
	});
});

describe('cidrnetmask', () => {
	it('renders masks', () => {
		expect(c('cidrnetmask', '172.16.0.0/12')).toBe('255.240.0.0');
		expect(c('cidrnetmask', '10.0.0.0/32')).toBe('255.255.255.255');
		expect(c('cidrnetmask', 'fd00::/64')).toBe('ffff:ffff:ffff:ffff::');
		expect(() => c('cidrnetmask', 'x/8')).toThrow('invalid CIDR address: x/8');
	});
});

describe('cidrsubnet', () => {
	it('extends prefixes', () => {
		expect(c('cidrsubnet', '172.16.0.0/12', 4, 2)).toBe('172.18.0.0/16');
		expect(c('cidrsubnet', '10.1.2.0/24', 4, 15)).toBe('10.1.2.240/28');
		expect(c('cidrsubnet', 'fd00:fd12:3456:7890::/56', 16, 162)).toBe(
			'fd00:fd12:3456:7800:a200::/72',
		);
	});
	it('errors like go-cidr', () => {
		expect(() => c('cidrsubnet', '10.0.0.0/30', 3, 0)).toThrow(
			'insufficient address space to extend prefix of 30 by 3',
		);
		expect(() => c('cidrsubnet', '10.0.0.0/24', 2, 4)).toThrow(
			'prefix extension of 2 does not accommodate a subnet numbered 4',
		);
		expect(() => c('cidrsubnet', 'fd00::/16', 33, 0)).toThrow(
			'may not extend prefix by more than 32 bits',
		);
	});
});

describe('cidrsubnets', () => {
	it('allocates consecutive subnets', () => {
		expect(c('cidrsubnets', '10.1.0.0/16', 4, 4, 8, 4)).toEqual([
			'10.1.0.0/20',
			'10.1.16.0/20',
			'10.1.32.0/24',
			'10.1.48.0/20',
		]);
		expect(c('cidrsubnets', 'fd00:fd12:3456:7890::/56', 16, 16, 16, 32)).toEqual([
			'fd00:fd12:3456:7800::/72',
			'fd00:fd12:3456:7800:100::/72',
			'fd00:fd12:3456:7800:200::/72',
			'fd00:fd12:3456:7800:300::/88',
		]);
		expect(c('cidrsubnets', '10.0.0.0/8')).toEqual([]);
	});
	it('reports argument errors at the offending argument', () => {
		const err = (fn: () => unknown) => {
			try {
				fn();
			} catch (e) {
				return e as FunctionArgError;
			}
			throw new Error('no error');
		};
		const e1 = err(() => c('cidrsubnets', '10.0.0.0/30', 1, 1, 1));
		expect(e1).toBeInstanceOf(FunctionArgError);
		expect(e1.argIndex).toBe(3);
		expect(e1.message).toBe(
			'not enough remaining address space for a subnet with a prefix of 31 bits after 10.0.0.2/31',
		);
		expect(err(() => c('cidrsubnets', '10.0.0.0/24', 4, 0)).message).toBe(
			'must extend prefix by at least one bit',
		);
		expect(err(() => c('cidrsubnets', '10.0.0.0/24', 9)).message).toBe(
			'would extend prefix to 33 bits, which is too long for an IPv4 address',
		);
		expect(err(() => c('cidrsubnets', 'nope', 1)).argIndex).toBe(0);
	});
});
