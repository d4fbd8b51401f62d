// Hashes, bcrypt, UUIDs and rsadecrypt, after go-cty-funcs `crypto` and `uuid`.

import bcrypt from 'bcryptjs';
import {NUMBER, STRING, str} from '../cty/value.js';
import {nodeCrypto} from '../node-crypto.js';
import {intArg, str as strArg} from './args.js';
import {decodeStdBase64} from './encoding.js';
import type {FunctionDef} from './types.js';
import {FunctionError} from './types.js';

function hashFunction(algorithm: string, label: string): FunctionDef {
	return {
		description: `Computes the ${label} hash of a string and encodes it with hexadecimal digits.`,
		params: [{name: 'str', type: STRING}],
		impl: (args) =>
			str(nodeCrypto().createHash(algorithm).update(strArg(args, 0), 'utf8').digest('hex')),
	};
}

// golang.org/x/crypto/bcrypt: costs below 4 fall back to the default; it writes `$2a$`.
const BCRYPT_MIN_COST = 4n;
const BCRYPT_MAX_COST = 31n;
const BCRYPT_DEFAULT_COST = 10n;

function bcryptHash(password: string, requested: bigint): string {
	const cost = requested < BCRYPT_MIN_COST ? BCRYPT_DEFAULT_COST : requested;
	if (cost > BCRYPT_MAX_COST) {
		throw new FunctionError(
			`error occured generating password crypto/bcrypt: cost ${cost} is outside allowed range (4,31)`,
		);
	}
	if (Buffer.byteLength(password, 'utf8') > 72) {
		throw new FunctionError(
			'error occured generating password bcrypt: password length exceeds 72 bytes',
		);
	}
	const hash = bcrypt.hashSync(password, bcrypt.genSaltSync(Number(cost)));
	return `$2a$${hash.slice(4)}`;
}

// RFC 4122 appendix C namespaces, as google/uuid names them.
const UUID_NAMESPACES: Record<string, string> = {
	dns: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
	url: '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
	oid: '6ba7b812-9dad-11d1-80b4-00c04fd430c8',
	x500: '6ba7b814-9dad-11d1-80b4-00c04fd430c8',
};

/** google/uuid.Parse: the four accepted spellings and its error texts. */
export function parseUuid(s: string): Buffer {
	let body = s;
	switch (s.length) {
		case 36:
			break;
		case 45:
			if (s.slice(0, 9).toLowerCase() !== 'urn:uuid:') {
				throw new Error(`invalid urn prefix: ${JSON.stringify(s.slice(0, 9))}`);
			}
			body = s.slice(9);
			break;
		case 38:
			body = s.slice(1, 37);
			break;
		case 32:
			if (!/^[0-9a-fA-F]{32}$/.test(s)) throw new Error('invalid UUID format');
			return Buffer.from(s, 'hex');
		default:
			throw new Error(`invalid UUID length: ${s.length}`);
	}
	if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(body)) {
		throw new Error('invalid UUID format');
	}
	return Buffer.from(body.replace(/-/g, ''), 'hex');
}

function formatUuid(b: Buffer): string {
	const h = b.toString('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function uuidV5(namespace: Buffer, name: string): string {
	const sum = nodeCrypto()
		.createHash('sha1')
		.update(namespace)
		.update(name, 'utf8')
		.digest()
		.subarray(0, 16);
	sum[6] = ((sum[6] ?? 0) & 0x0f) | 0x50;
	sum[8] = ((sum[8] ?? 0) & 0x3f) | 0x80;
	return formatUuid(Buffer.from(sum));
}

// --- rsadecrypt: Node refuses PKCS#1 v1.5 private decryption (CVE-2023-46809), so the RSA
// primitive is computed here with bigint CRT; key parsing still goes through node:crypto.

const PEM_BLOCK = /-----BEGIN ([^\r\n-]*)-----\r?\n([\s\S]*?)-----END \1-----/;

function pemDecode(text: string): {headers: Map<string, string>; der: Buffer} | undefined {
	const m = PEM_BLOCK.exec(text);
	if (!m) return undefined;
	const headers = new Map<string, string>();
	let rest = m[2] ?? '';
	const headerEnd = /\r?\n\r?\n/.exec(rest);
	if (headerEnd && rest.slice(0, headerEnd.index).includes(':')) {
		for (const line of rest.slice(0, headerEnd.index).split(/\r?\n/)) {
			const i = line.indexOf(':');
			if (i > 0) headers.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
		}
		rest = rest.slice(headerEnd.index + headerEnd[0].length);
	}
	const der = decodeStdBase64(rest.replace(/[ \t]/g, ''));
	return der === undefined ? undefined : {headers, der};
}

function b64urlInt(s: string | undefined): bigint {
	return BigInt(`0x${Buffer.from(s ?? '', 'base64url').toString('hex') || '0'}`);
}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
	let result = 1n;
	let b = base % mod;
	let e = exp;
	while (e > 0n) {
		if (e & 1n) result = (result * b) % mod;
		b = (b * b) % mod;
		e >>= 1n;
	}
	return result;
}

const DECRYPTION_ERROR = 'crypto/rsa: decryption error';

/** Tag of the second element of the outer DER SEQUENCE: INTEGER in PKCS#1, SEQUENCE in PKCS#8. */
function secondDerTag(der: Buffer): number | undefined {
	const skipHeader = (at: number): number | undefined => {
		const len = der[at + 1];
		if (len === undefined) return undefined;
		return at + 2 + (len & 0x80 ? len & 0x7f : 0);
	};
	const lengthAt = (at: number): number => {
		const len = der[at + 1] ?? 0;
		if (!(len & 0x80)) return len;
		let v = 0;
		for (let k = 0; k < (len & 0x7f); k++) v = v * 256 + (der[at + 2 + k] ?? 0);
		return v;
	};
	if (der[0] !== 0x30) return undefined;
	const first = skipHeader(0);
	if (first === undefined || der[first] !== 0x02) return undefined;
	const firstBody = skipHeader(first);
	return firstBody === undefined ? undefined : der[firstBody + lengthAt(first)];
}

function rsaDecryptPkcs1(der: Buffer, ciphertext: Buffer): Buffer {
	let jwk: import('node:crypto').JsonWebKey;
	const tag = secondDerTag(der);
	try {
		// Go's ParsePKCS1PrivateKey takes only PKCS#1; OpenSSL would also accept PKCS#8 here.
		if (tag !== 0x02) throw new Error('not PKCS#1');
		jwk = nodeCrypto()
			.createPrivateKey({key: der, format: 'der', type: 'pkcs1'})
			.export({format: 'jwk'});
	} catch {
		throw new FunctionError(
			tag === 0x30
				? 'x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)'
				: 'asn1: structure error: failed to parse PKCS#1 private key',
		);
	}
	const n = b64urlInt(jwk.n);
	const k = (n.toString(16).length + 1) >> 1;
	const c = BigInt(`0x${ciphertext.toString('hex') || '0'}`);
	if (ciphertext.length > k || k < 11 || c >= n) throw new FunctionError(DECRYPTION_ERROR);
	const [p, q, dp, dq, qi] = [jwk.p, jwk.q, jwk.dp, jwk.dq, jwk.qi].map(b64urlInt) as [
		bigint,
		bigint,
		bigint,
		bigint,
		bigint,
	];
	const m1 = modPow(c, dp, p);
	const m2 = modPow(c, dq, q);
	const h = (((m1 - m2) % p) + p) % p;
	const m = m2 + ((h * qi) % p) * q;
	const em = Buffer.from(m.toString(16).padStart(k * 2, '0'), 'hex');
	const sep = em.indexOf(0, 2);
	if (em[0] !== 0 || em[1] !== 2 || sep < 10) throw new FunctionError(DECRYPTION_ERROR);
	return em.subarray(sep + 1);
}

export const CRYPTO_FUNCTIONS: Record<string, FunctionDef> = {
	md5: hashFunction('md5', 'MD5'),
	sha1: hashFunction('sha1', 'SHA1'),
	sha256: hashFunction('sha256', 'SHA256'),
	sha512: hashFunction('sha512', 'SHA512'),
	bcrypt: {
		description: 'Computes a bcrypt hash of the given string (optional cost, default 10).',
		params: [{name: 'str', type: STRING}],
		varParam: {name: 'cost', type: NUMBER},
		impl: (args) => {
			const cost = args.length > 1 ? intArg(args, 1, false) : BCRYPT_DEFAULT_COST;
			if (args.length > 2) throw new FunctionError('bcrypt() takes no more than two arguments');
			return str(bcryptHash(strArg(args, 0), cost));
		},
	},
	uuidv4: {
		description: 'Generates a random type-4 UUID.',
		params: [],
		impl: () => str(nodeCrypto().randomUUID()),
	},
	uuidv5: {
		description:
			'Generates a name-based type-5 UUID in a namespace (dns, url, oid, x500 or a UUID).',
		params: [
			{name: 'namespace', type: STRING},
			{name: 'name', type: STRING},
		],
		impl: (args) => {
			const ns = strArg(args, 0);
			let bytes: Buffer;
			try {
				bytes = parseUuid(UUID_NAMESPACES[ns] ?? ns);
			} catch (err) {
				throw new FunctionError(
					`uuidv5() doesn't support namespace ${ns} (${(err as Error).message})`,
				);
			}
			return str(uuidV5(bytes, strArg(args, 1)));
		},
	},
	rsadecrypt: {
		description: 'Decrypts a base64 RSA (PKCS#1 v1.5) ciphertext with a PEM PKCS#1 private key.',
		params: [
			{name: 'ciphertext', type: STRING},
			{name: 'privatekey', type: STRING},
		],
		impl: (args) => {
			const s = strArg(args, 0);
			const ciphertext = decodeStdBase64(s);
			if (ciphertext === undefined) {
				throw new FunctionError(
					`failed to decode input ${JSON.stringify(s)}: cipher text must be base64-encoded`,
				);
			}
			const block = pemDecode(strArg(args, 1));
			if (block === undefined) throw new FunctionError('failed to parse key: no key found');
			if (block.headers.get('Proc-Type') === '4,ENCRYPTED') {
				throw new FunctionError(
					'failed to parse key: password protected keys are not supported. Please decrypt the key prior to use',
				);
			}
			const out = rsaDecryptPkcs1(block.der, ciphertext);
			return str(new TextDecoder().decode(out).normalize('NFC'));
		},
	},
};
