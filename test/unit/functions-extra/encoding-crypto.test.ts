import {constants, generateKeyPairSync, publicEncrypt} from 'node:crypto';
import bcrypt from 'bcryptjs';
import {describe, expect, it} from 'vitest';
import {CRYPTO_FUNCTIONS} from '../../../src/core/functions/crypto.js';
import {ENCODING_FUNCTIONS} from '../../../src/core/functions/encoding.js';
import {FunctionArgError, FunctionError} from '../../../src/core/functions/types.js';
import {callJs, n, s} from './helpers.js';

const enc = (name: string, ...a: Parameters<typeof s>[0][]) =>
	callJs(ENCODING_FUNCTIONS, name, ...a.map(s));
const cry = (name: string, ...a: Parameters<typeof s>[0][]) =>
	callJs(CRYPTO_FUNCTIONS, name, ...a.map(s));

describe('encoding', () => {
	it('base64 round trips UTF-8', () => {
		expect(enc('base64encode', 'Hello World')).toBe('SGVsbG8gV29ybGQ=');
		expect(enc('base64decode', 'SGVsbG8gV29ybGQ=')).toBe('Hello World');
		expect(enc('base64decode', enc('base64encode', 'ünï €') as string)).toBe('ünï €');
		expect(enc('base64decode', 'SGVs\nbG8=')).toBe('Hello');
	});
	it('base64decode rejects bad input with go-cty-funcs wording', () => {
		expect(() => enc('base64decode', 'SGVsbG8')).toThrow("failed to decode base64 data 'SGVsbG8'");
		expect(() => enc('base64decode', 'SGV$bG8=')).toThrow(FunctionError);
		expect(() => enc('base64decode', '/w==')).toThrow(
			'the result of decoding the the provided string is not valid UTF-8',
		);
	});
	it('urlencode follows url.QueryEscape', () => {
		expect(enc('urlencode', 'Hello World!')).toBe('Hello+World%21');
		expect(enc('urlencode', 'foo/bar?a=b&c~_.-')).toBe('foo%2Fbar%3Fa%3Db%26c~_.-');
		expect(enc('urlencode', 'ü')).toBe('%C3%BC');
	});
	it('bytes functions need a bytes value, which bake cannot produce', () => {
		expect(() => enc('byteslen', 'abc')).toThrow(FunctionArgError);
		expect(() => callJs(ENCODING_FUNCTIONS, 'bytesslice', s('abc'), n(0), n(1))).toThrow(
			'bytes required',
		);
	});
});

describe('hashes', () => {
	it('hex digests of the UTF-8 bytes', () => {
		expect(cry('md5', 'hello world')).toBe('5eb63bbbe01eeed093cb22bb8f5acdc3');
		expect(cry('sha1', 'hello world')).toBe('2aae6c35c94fcfb415dbe95f408b9ce91ee846ed');
		expect(cry('sha256', 'hello world')).toBe(
			'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9',
		);
		expect(cry('sha512', 'hello world')).toBe(
			'309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f',
		);
	});
});

describe('bcrypt', () => {
	it('hashes with Go prefix and default cost 10', () => {
		const h = cry('bcrypt', 'secret') as string;
		expect(h).toMatch(/^\$2a\$10\$.{53}$/);
		expect(bcrypt.compareSync('secret', h)).toBe(true);
		expect(bcrypt.compareSync('other', h)).toBe(false);
	});
	it('takes a cost; low costs fall back to 10, high ones fail', () => {
		expect(callJs(CRYPTO_FUNCTIONS, 'bcrypt', s('x'), n(5))).toMatch(/^\$2a\$05\$/);
		expect(callJs(CRYPTO_FUNCTIONS, 'bcrypt', s('x'), n(2))).toMatch(/^\$2a\$10\$/);
		expect(() => callJs(CRYPTO_FUNCTIONS, 'bcrypt', s('x'), n(32))).toThrow(
			'cost 32 is outside allowed range (4,31)',
		);
		expect(() => callJs(CRYPTO_FUNCTIONS, 'bcrypt', s('x'), n(5), n(6))).toThrow(
			'bcrypt() takes no more than two arguments',
		);
	});
});

describe('uuid', () => {
	it('uuidv4 has the v4 shape and varies', () => {
		const a = cry('uuidv4');
		expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(cry('uuidv4')).not.toBe(a);
	});
	it('uuidv5 with named and literal namespaces', () => {
		expect(cry('uuidv5', 'dns', 'www.terraform.io')).toBe('a5008fae-b28c-5ba5-96cd-82b4c53552d6');
		expect(cry('uuidv5', 'url', 'https://www.terraform.io/')).toBe(
			'9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5',
		);
		expect(cry('uuidv5', '6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.terraform.io')).toBe(
			'a5008fae-b28c-5ba5-96cd-82b4c53552d6',
		);
	});
	it('uuidv5 rejects unknown namespaces in cty-funcs wording', () => {
		expect(() => cry('uuidv5', 'bad', 'x')).toThrow(
			"uuidv5() doesn't support namespace bad (invalid UUID length: 3)",
		);
		expect(() => cry('uuidv5', 'zba7b810-9dad-11d1-80b4-00c04fd430c8', 'x')).toThrow(
			'(invalid UUID format)',
		);
	});
});

describe('rsadecrypt', () => {
	const {publicKey, privateKey} = generateKeyPairSync('rsa', {
		modulusLength: 1024,
		publicKeyEncoding: {type: 'pkcs1', format: 'pem'},
		privateKeyEncoding: {type: 'pkcs1', format: 'pem'},
	});
	const encrypt = (text: string) =>
		publicEncrypt(
			{key: publicKey, padding: constants.RSA_PKCS1_PADDING},
			Buffer.from(text),
		).toString('base64');
	it('decrypts PKCS#1 v1.5 ciphertext', () => {
		expect(cry('rsadecrypt', encrypt('hëllo'), privateKey)).toBe('hëllo');
	});
	it('reports bad input in go-cty-funcs wording', () => {
		expect(() => cry('rsadecrypt', 'not base64!', privateKey)).toThrow(
			'failed to decode input "not base64!": cipher text must be base64-encoded',
		);
		expect(() => cry('rsadecrypt', encrypt('x'), 'nope')).toThrow(
			'failed to parse key: no key found',
		);
		const other = generateKeyPairSync('rsa', {
			modulusLength: 1024,
			privateKeyEncoding: {type: 'pkcs1', format: 'pem'},
			publicKeyEncoding: {type: 'pkcs1', format: 'pem'},
		});
		expect(() => cry('rsadecrypt', encrypt('x'), other.privateKey)).toThrow(
			'crypto/rsa: decryption error',
		);
		const pkcs8 = generateKeyPairSync('rsa', {
			modulusLength: 1024,
			privateKeyEncoding: {type: 'pkcs8', format: 'pem'},
			publicKeyEncoding: {type: 'spki', format: 'pem'},
		});
		expect(() => cry('rsadecrypt', encrypt('x'), pkcs8.privateKey)).toThrow('ParsePKCS8PrivateKey');
	});
});
