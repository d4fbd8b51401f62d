import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {type Dockerfile, parseDockerfile} from '../../../src/core/dockerfile/parse.js';
import {loadRepoTree, REPO, readRepoFile, WIDE} from './repo-tree.js';

const dockerfiles = readdirSync(join(REPO, 'docker')).filter((f) => f.startsWith('Dockerfile.'));

function parsed(path: string): Dockerfile {
	const text = readRepoFile(path);
	if (text === undefined) throw new Error(`${path} does not exist`);
	return parseDockerfile(text);
}

describe('docker/Dockerfile.*', () => {
	it('exist, and each parses into named stages', () => {
		expect(dockerfiles.length).toBeGreaterThanOrEqual(5);
		for (const f of dockerfiles) {
			const df = parsed(`docker/${f}`);
			expect(df.stages.length, f).toBeGreaterThan(0);
			expect(
				df.stages.filter((s) => !s.name).map((s) => s.line),
				f,
			).toEqual([]);
		}
	});

	it('provide every stage, ARG and named context the tree uses', () => {
		const problems: string[] = [];
		const used = new Set<string>();
		for (const t of loadRepoTree(WIDE).resolved.targets.values()) {
			const file = t.dockerfile ?? 'Dockerfile';
			used.add(file);
			const df = parsed(file);
			const stage = df.stages.find((s) => s.name === t.target);
			if (!stage) {
				problems.push(`${t.name}: no stage ${t.target} in ${file}`);
				continue;
			}
			const declared = new Set([...stage.args, ...df.globalArgs].map((a) => a.name));
			for (const arg of Object.keys(t.args ?? {}))
				if (!declared.has(arg)) problems.push(`${t.name}: ${file} ${t.target} has no ARG ${arg}`);
			const read = new Set([stage.base, ...stage.refs].map((r) => r.name));
			for (const ctx of Object.keys(t.contexts ?? {}))
				if (!read.has(ctx)) problems.push(`${t.name}: ${file} ${t.target} never reads ${ctx}`);
		}
		expect(problems).toEqual([]);
		// No Dockerfile lies unused.
		expect([...used].sort()).toEqual(dockerfiles.map((f) => `docker/${f}`).sort());
	});
});
