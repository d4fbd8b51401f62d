// The ReadTargets handler: parseBakeFiles + readTargets on the case's virtual files, exposed
// under the corpus's path roots (targets, groups, targetKeys, groupNames, entitlements,
// buildOpt). Composite entries keep buildx's Go struct shape ({type, attrs, dest}); where a
// case compares String() forms, the canonical strings are put at those paths.

import type {ExportEntry} from '../core/bake/buildflags/entries.js';
import {
	attestString,
	cacheString,
	exportString,
	secretString,
	sshString,
} from '../core/bake/buildflags/entries.js';
import {prepareBakeFiles} from '../core/bake/compose/support.js';
import {parseBakeFiles} from '../core/bake/parse/index.js';
import {toBuildOpt} from '../core/bake/resolve/build-opt.js';
import {BakeError} from '../core/bake/resolve/errors.js';
import {readTargets} from '../core/bake/resolve/read-targets.js';
import type {Target} from '../core/bake/resolve/target.js';
import type {ApiHandler, Assertion, ConformanceCase, HandlerResult} from './corpus.js';
import {caseFiles} from './corpus.js';
import {errorResult} from './parse-files.js';

const STRINGIFY: Record<string, (x: never) => string> = {
	output: exportString,
	'cache-from': cacheString,
	'cache-to': cacheString,
	attest: attestString,
	secret: secretString,
	ssh: sshString,
};

function goShape(t: Target): Record<string, unknown> {
	const {linked: _linked, ...rest} = t;
	const out: Record<string, unknown> = {...rest};
	if (t.output)
		out['output'] = t.output.map((e: ExportEntry) =>
			e.dest ? {type: e.type, attrs: e.attrs, dest: e.dest} : {type: e.type, attrs: e.attrs},
		);
	if (t.description === '') delete out['description'];
	return out;
}

/** Replaces the entry (or entries) at an assertion's path by its String() form. */
function stringifyAt(root: Record<string, unknown>, targets: Map<string, Target>, a: Assertion) {
	if (a.op !== 'stringEquals' && a.op !== 'stringifySorted') return;
	const [head, name, field, index] = a.path;
	if (head !== 'targets' || typeof name !== 'string' || typeof field !== 'string') return;
	const str = STRINGIFY[field];
	const list = (
		targets.get(name) as unknown as Record<string, unknown[] | undefined> | undefined
	)?.[field];
	if (!str || !list) return;
	const shaped = (root['targets'] as Record<string, Record<string, unknown>>)[name];
	if (!shaped) return;
	if (typeof index === 'number') {
		const arr = [...(shaped[field] as unknown[])];
		arr[index] = str(list[index] as never);
		shaped[field] = arr;
	} else if (a.path.length === 3) shaped[field] = list.map((x) => str(x as never));
}

export function readTargetsRoot(c: ConformanceCase): HandlerResult {
	// The parse layer rebases context paths itself (a reference such as `target.base.context`
	// must already read the rebased value), so the switch goes in through the environment.
	const relative = c.parseOpt?.fileRelativePaths === true;
	const raw = parseBakeFiles(caseFiles(c), {
		env: relative ? {...c.env, BUILDX_BAKE_FILE_RELATIVE_PATHS: '1'} : (c.env ?? {}),
		...(c.vars ? {vars: c.vars} : {}),
		...(c.defaults ? {defaults: c.defaults} : {}),
	});
	const res = readTargets(raw, {
		targets: [...(c.targets ?? [])],
		overrides: [...(c.overrides ?? [])],
		env: c.env ?? {},
		fileRelativePaths: c.parseOpt?.fileRelativePaths === true,
	});
	const targets: Record<string, unknown> = {};
	const buildOpt: Record<string, unknown> = {};
	for (const [name, t] of res.targets) {
		targets[name] = goShape(t);
		buildOpt[name] = toBuildOpt(t);
	}
	const groups: Record<string, unknown> = {};
	for (const [name, g] of res.groups) groups[name] = {...g};
	const root: Record<string, unknown> = {
		targets,
		groups,
		targetKeys: [...res.targets.keys()],
		groupNames: [...res.groups.keys()],
		entitlements: {fsRead: res.entitlements.fsRead, fsWrite: res.entitlements.fsWrite},
		buildOpt,
	};
	for (const a of c.expect.assertions ?? []) stringifyAt(root, res.targets, a);
	return {root};
}

export const handler: ApiHandler = async (c) => {
	await prepareBakeFiles(caseFiles(c));
	try {
		return readTargetsRoot(c);
	} catch (e) {
		if (e instanceof BakeError) return {error: e.message, diagnostics: e.diagnostics};
		return errorResult(e);
	}
};
