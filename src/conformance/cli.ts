// The cli handler: runs a case's `docker buildx bake ...` argv through our own command
// modules in-process (files written to a temporary directory), then checks stdout.

import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {preloadComposeSupport} from '../cli/compose-preload.js';
import {bufferIo, UsageError} from '../cli/io.js';
import {DiagnosticError} from '../core/diagnostics.js';
import {checkAssertion, deepEqual} from './assertions.js';
import type {ApiHandler, Assertion, ConformanceCase} from './corpus.js';
import {caseFiles} from './corpus.js';

/** `bake --print X --set ...` -> ['print', 'X', '--set', ...]; `--list=variables` -> list. */
export function translateArgs(args: readonly string[]): string[] | undefined {
	const rest = args[0] === 'bake' ? args.slice(1) : [...args];
	let command: string[] | undefined;
	const out: string[] = [];
	for (const a of rest) {
		if (a === '--print') command = ['print'];
		else if (a.startsWith('--list=')) {
			const spec = a.slice(7);
			const kv = Object.fromEntries(spec.split(',').map((p) => p.split('=') as [string, string]));
			const type = spec.includes('=') ? kv['type'] : spec;
			command = ['list', type ?? 'targets'];
			if (kv['format']) out.push('--format', kv['format']);
		} else out.push(a);
	}
	return command ? [...command, ...out] : undefined;
}

async function run(c: ConformanceCase, argv: string[]) {
	const dir = mkdtempSync(join(tmpdir(), 'baketree-cli-'));
	try {
		for (const f of caseFiles(c)) {
			mkdirSync(dirname(join(dir, f.name)), {recursive: true});
			writeFileSync(join(dir, f.name), f.content);
		}
		const io = bufferIo({cwd: dir, env: {...(c.env ?? {})}});
		await preloadComposeSupport(argv[0] as string, argv.slice(1), io);
		const {COMMANDS} = await import('../cli/commands.js');
		const load = COMMANDS[argv[0] as string];
		if (!load) return {error: `no command ${argv[0]}`, out: ''};
		try {
			const code = await (await load()).run(argv.slice(1), io);
			return code === 0 ? {out: io.out()} : {error: io.err() || `exit ${code}`, out: io.out()};
		} catch (e) {
			if (e instanceof DiagnosticError || e instanceof UsageError)
				return {error: e.message, out: io.out()};
			throw e;
		}
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

export const handler: ApiHandler = async (c) => {
	const argv = translateArgs(c.args ?? []);
	if (!argv) return {skip: `unsupported bake arguments ${JSON.stringify(c.args)}`};
	const r = await run(c, argv);
	if (r.error !== undefined) return {error: r.error};
	const e = c.expect as Record<string, unknown>;
	const failures: string[] = [];
	const out = r.out;
	if (e['stdoutJSONEq'] !== undefined && !deepEqual(JSON.parse(out), e['stdoutJSONEq']))
		failures.push(`stdout is not JSON-equal to the expected document:\n${out}`);
	for (const s of (e['stdoutContains'] as string[] | undefined) ?? [])
		if (!out.includes(s)) failures.push(`stdout does not contain ${JSON.stringify(s)}`);
	for (const s of (e['stdoutNotContains'] as string[] | undefined) ?? [])
		if (out.includes(s)) failures.push(`stdout contains ${JSON.stringify(s)}`);
	if (e['stdoutTrimmedEquals'] !== undefined && out.trim() !== e['stdoutTrimmedEquals'])
		failures.push(
			`stdout ${JSON.stringify(out.trim())} != ${JSON.stringify(e['stdoutTrimmedEquals'])}`,
		);
	const printed = e['printAssertions'] ? JSON.parse(out) : undefined;
	for (const a of (e['printAssertions'] as Assertion[] | undefined) ?? []) {
		const f = checkAssertion(printed, a);
		if (f) failures.push(f);
	}
	return {root: {}, failures};
};
