// bake's function table (buildx bake/hclparser/stdlib.go): 106 names minus try/can/convert,
// which the evaluator handles because they take expressions. Each family lives in its own file.

import {CIDR_FUNCTIONS} from './cidr.js';
import {COLLECTION_FUNCTIONS} from './collection.js';
import {MAP_FUNCTIONS} from './collection-maps.js';
import {CRYPTO_FUNCTIONS} from './crypto.js';
import {CSV_FUNCTIONS} from './csv.js';
import {DATETIME_FUNCTIONS} from './datetime.js';
import {ENCODING_FUNCTIONS} from './encoding.js';
import {FORMAT_FUNCTIONS} from './format.js';
import {JSON_FUNCTIONS} from './json.js';
import {LOGIC_FUNCTIONS} from './logic.js';
import {NUMBER_FUNCTIONS} from './number.js';
import {PATH_FUNCTIONS} from './path.js';
import {REGEX_FUNCTIONS} from './regex.js';
import {SEMVER_FUNCTIONS} from './semver.js';
import {SET_FUNCTIONS} from './set.js';
import {STRING_FUNCTIONS} from './string-basic.js';
import type {FunctionDef, FunctionTable} from './types.js';

const FAMILIES: readonly Record<string, FunctionDef>[] = [
	NUMBER_FUNCTIONS,
	LOGIC_FUNCTIONS,
	STRING_FUNCTIONS,
	COLLECTION_FUNCTIONS,
	MAP_FUNCTIONS,
	SET_FUNCTIONS,
	JSON_FUNCTIONS,
	FORMAT_FUNCTIONS,
	ENCODING_FUNCTIONS,
	CRYPTO_FUNCTIONS,
	CIDR_FUNCTIONS,
	DATETIME_FUNCTIONS,
	REGEX_FUNCTIONS,
	SEMVER_FUNCTIONS,
	PATH_FUNCTIONS,
	CSV_FUNCTIONS,
];

function assemble(): FunctionTable {
	const table = new Map<string, FunctionDef>();
	for (const fam of FAMILIES) {
		for (const [name, def] of Object.entries(fam)) {
			if (table.has(name)) throw new Error(`function ${name} is defined twice`);
			table.set(name, def);
		}
	}
	return new Map([...table].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

export const STDLIB: FunctionTable = assemble();

/** Names the evaluator implements itself (their arguments are expressions). */
export const EXPRESSION_FUNCTION_NAMES: readonly string[] = ['can', 'convert', 'try'];
