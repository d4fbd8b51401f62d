// Variables in compose files: compose-go's substitution syntax, the environment buildx gives it
// (process env unless disabled, then `.env`, then --var), and Go's way of printing YAML scalars.

import {describe, expect, it} from 'vitest';
import {parseDotenv} from '../../../src/core/bake/compose/dotenv.js';
import {substitute} from '../../../src/core/bake/compose/template.js';
import {goSprint} from '../../../src/core/bake/compose/values.js';
import {resolvePlain} from '../../../src/core/bake/compose/yaml-read.js';
import {parse, parseError} from './helpers.js';

const env: Record<string, string> = {SET: 'v', EMPTY: ''};
const sub = (t: string) => substitute(t, (k) => env[k]);

describe('substitution', () => {
	it('expands the compose forms', () => {
		expect(sub('$SET ${SET} $$SET $${SET}')).toBe('v v $SET ${SET}');
		expect(sub('${UNSET} [${UNSET:-d}] [${EMPTY:-d}] [${EMPTY-d}] [${UNSET-d}]')).toBe(
			' [d] [d] [] [d]',
		);
		expect(sub('[${SET:+alt}] [${EMPTY:+alt}] [${EMPTY+alt}] [${UNSET+alt}]')).toBe(
			'[alt] [] [alt] []',
		);
		expect(sub('${UNSET:-${SET}}!')).toBe('v!');
		expect(sub('${SET:?}')).toBe('v');
	});

	it('fails on a missing required variable and on a stray $', () => {
		expect(() => sub('${UNSET:?need it}')).toThrow(
			'required variable UNSET is missing a value: need it',
		);
		expect(() => sub('${EMPTY:?}')).toThrow('required variable EMPTY is missing a value');
		expect(() => sub('a $ b')).toThrow('Invalid template: "a $ b"');
	});
});

describe('the compose environment', () => {
	const spec = {
		'compose.yml':
			'services:\n  build:\n    build:\n      context: .\n      args:\n        HELLO: ${HELLO:-fallback}\n        DOT: ${FROM_DOTENV}\n',
	};
	const args = (opts: Parameters<typeof parse>[1]) => parse(spec, opts).targets[0]?.args;

	it('takes --var over the environment over .env', () => {
		const extra = {'.env': 'HELLO=fromdotenv\nFROM_DOTENV=${HELLO}-x\n'};
		expect(args({extra})).toEqual({HELLO: 'fromdotenv', DOT: 'fromdotenv-x'});
		expect(args({extra, env: {HELLO: 'fromenv'}})).toEqual({HELLO: 'fromenv', DOT: 'fromenv-x'});
		expect(args({extra, env: {HELLO: 'fromenv'}, vars: {HELLO: 'fromflag'}})).toEqual({
			HELLO: 'fromflag',
			DOT: 'fromenv-x',
		});
	});

	it('ignores the environment when env lookup is disabled, but still reads .env', () => {
		const off = {BUILDX_BAKE_DISABLE_VARS_ENV_LOOKUP: '1', HELLO: 'fromenv'};
		expect(args({env: off})).toEqual({HELLO: 'fallback', DOT: ''});
		expect(args({env: off, extra: {'.env': 'FROM_DOTENV=d\n'}})).toEqual({
			HELLO: 'fallback',
			DOT: 'd',
		});
	});

	it('interpolates every field, so a bad one fails even if bake never reads it', () => {
		expect(
			parseError({'compose.yml': 'services:\n  a:\n    build: .\n    command: echo $\n'}),
		).toEqual({
			message:
				'invalid interpolation format for services.a.command.\nYou may need to escape any $ with another $.\necho $',
			where: 'compose.yml:4:14',
		});
		expect(
			parseError({
				'compose.yml': 'services:\n  a:\n    build:\n      cache_from:\n        - ${X:?no cache}\n',
			}).message,
		).toBe(
			'error while interpolating services.a.build.cache_from.[]: required variable X is missing a value: no cache',
		);
	});
});

describe('YAML scalars as go-yaml decodes them', () => {
	it('resolves plain scalars the go-yaml v3 way', () => {
		const shown = (s: string) => {
			const v = resolvePlain(s);
			return v === null ? null : goSprint(v);
		};
		expect(
			['yes', 'on', 'No', '2001-12-14', '1.2.3', '0x1F', '012', '1_000', '08', '1e3', '1e6'].map(
				shown,
			),
		).toEqual(['yes', 'on', 'No', '2001-12-14', '1.2.3', '31', '10', '1000', '8', '1000', '1e+06']);
		expect(['true', 'False', '~', 'null', '', '.inf', '-.Inf', '0.00001'].map(shown)).toEqual([
			'true',
			'false',
			null,
			null,
			null,
			'+Inf',
			'-Inf',
			'1e-05',
		]);
	});

	it('keeps quoted scalars as strings and expands anchors and merge keys', () => {
		const raw = parse({
			'compose.yml': `
x-args: &args
  A: 1
  B: "0x10"
services:
  a:
    build:
      args:
        <<: *args
        A: '012'
        C: !!str 5
`,
		});
		expect(raw.targets[0]?.args).toEqual({A: '012', C: '5', B: '0x10'});
	});
});

describe('.env files', () => {
	it('reads the dotenv format compose reads', () => {
		const got = parseDotenv(
			[
				'# comment',
				'export A=1',
				'B = two words # comment',
				"C='single $A'",
				'D="double $A\\n${MISSING:-x}"',
				'E: yaml style',
				'INHERITED',
				'F=a#b',
				'',
			].join('\n'),
			(k) => (k === 'INHERITED' ? 'from-env' : undefined),
		);
		expect(Object.fromEntries(got)).toEqual({
			A: '1',
			B: 'two words',
			C: 'single $A',
			D: 'double 1\nx',
			E: 'yaml style',
			INHERITED: 'from-env',
			F: 'a#b',
		});
		expect(() => parseDotenv('A B=1\n')).toThrow('key cannot contain a space');
		expect(() => parseDotenv('A="open\n')).toThrow(/unterminated quoted value/);
	});
});
