// base64 / URL encoding (go-cty-funcs `encoding`) and cty's bytes functions.

import {DYNAMIC, NUMBER, STRING, str} from '../cty/value.js';
import {str as strArg} from './args.js';
import type {FunctionDef} from './types.js';
import {FunctionArgError, FunctionError} from './types.js';

// Go's StdEncoding: padded standard alphabet; it skips \r and \n anywhere in the input.
const STD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes Go StdEncoding base64, or returns undefined where Go reports an error. */
export function decodeStdBase64(s: string): Buffer | undefined {
	const clean = s.replace(/[\r\n]/g, '');
	if (!STD_BASE64.test(clean)) return undefined;
	return Buffer.from(clean, 'base64');
}

/** Strict UTF-8 decoding (Go's utf8.Valid); cty normalizes every string to NFC. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
	try {
		return new TextDecoder('utf-8', {fatal: true}).decode(bytes).normalize('NFC');
	} catch {
		return undefined;
	}
}

/** Go's url.QueryEscape. */
export function queryEscape(s: string): string {
	let out = '';
	for (const b of Buffer.from(s, 'utf8')) {
		const c = String.fromCharCode(b);
		if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
		else if (c === ' ') out += '+';
		else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
	}
	return out;
}

// cty's byteslen/bytesslice take a `bytes` capsule value, and no bake function produces one:
// buildx wires in the stdlib functions unchanged, so any real argument fails the type check.
const BYTES_REQUIRED = 'bytes required';

export const ENCODING_FUNCTIONS: Record<string, FunctionDef> = {
	base64decode: {
		description: 'Decodes a string containing a base64 sequence.',
		params: [{name: 'str', type: STRING}],
		impl: (args) => {
			const s = strArg(args, 0);
			const bytes = decodeStdBase64(s);
			if (bytes === undefined) throw new FunctionError(`failed to decode base64 data '${s}'`);
			const text = decodeUtf8(bytes);
			if (text === undefined) {
				throw new FunctionError(
					'the result of decoding the the provided string is not valid UTF-8',
				);
			}
			return str(text);
		},
	},
	base64encode: {
		description: 'Encodes a string to a base64 sequence.',
		params: [{name: 'str', type: STRING}],
		impl: (args) => str(Buffer.from(strArg(args, 0), 'utf8').toString('base64')),
	},
	urlencode: {
		description: 'Applies URL query encoding to a given string.',
		params: [{name: 'str', type: STRING}],
		impl: (args) => str(queryEscape(strArg(args, 0))),
	},
	byteslen: {
		description: 'Returns the total number of bytes in the given buffer.',
		params: [{name: 'buf', type: DYNAMIC}],
		impl: () => {
			throw new FunctionArgError(0, BYTES_REQUIRED);
		},
	},
	bytesslice: {
		description: 'Extracts a subslice from the given buffer.',
		params: [
			{name: 'buf', type: DYNAMIC},
			{name: 'offset', type: NUMBER},
			{name: 'length', type: NUMBER},
		],
		impl: () => {
			throw new FunctionArgError(0, BYTES_REQUIRED);
		},
	},
};
