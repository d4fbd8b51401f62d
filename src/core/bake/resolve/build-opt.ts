// The parts of buildx's toBuildOpt that show in `--print` and in the conformance cases: the
// cleaned context path (written back into the target), the Dockerfile path, named contexts,
// exports with annotations, entitlements.

import {cleanPath, isRemoteUrl, joinPath} from '../../go-path.js';
import type {Target} from './target.js';

export interface BuildOpt {
	readonly contextPath: string;
	readonly dockerfilePath: string;
	readonly namedContexts: Readonly<Record<string, {path: string}>>;
	readonly exports: readonly {type: string; attrs: Record<string, string>}[];
	readonly allow: readonly string[];
	readonly networkMode: string;
	readonly linked: boolean;
}

/** The context as `--print` shows it: cleaned, `cwd://` stripped (local definitions). */
export function printedContext(t: Target): string {
	let ctx = t.context ?? '.';
	if (!ctx.startsWith('cwd://') && !isRemoteUrl(ctx)) ctx = cleanPath(ctx);
	if (ctx.startsWith('cwd://')) ctx = cleanPath(ctx.slice('cwd://'.length));
	return ctx;
}

function annotationKey(spec: string): {key: string; value: string}[] {
	const eq = spec.indexOf('=');
	if (eq < 0) return [];
	const k = spec.slice(0, eq);
	const value = spec.slice(eq + 1);
	const colon = k.indexOf(':');
	if (colon < 0) return [{key: `annotation.${k}`, value}];
	const key = k.slice(colon + 1);
	return k
		.slice(0, colon)
		.split(',')
		.map((tp) => {
			const m = /^([a-z-]+)(?:\[([A-Za-z0-9_/-]+)\])?$/.exec(tp);
			const typ = m?.[1] ?? tp;
			const platform = m?.[2];
			return {key: `annotation-${typ}${platform ? `[${platform}]` : ''}.${key}`, value};
		});
}

export function toBuildOpt(t: Target): BuildOpt {
	const contextPath = printedContext(t);
	let dockerfilePath = t.dockerfile ?? 'Dockerfile';
	if (!dockerfilePath.startsWith('cwd://')) dockerfilePath = cleanPath(dockerfilePath);
	else dockerfilePath = cleanPath(dockerfilePath.slice('cwd://'.length));
	if (!isRemoteUrl(contextPath) && !dockerfilePath.startsWith('/'))
		dockerfilePath = joinPath(contextPath, dockerfilePath);
	const namedContexts: Record<string, {path: string}> = {};
	for (const [k, v] of Object.entries(t.contexts ?? {}))
		namedContexts[k] = {path: v.startsWith('cwd://') ? cleanPath(v.slice(6)) : v};
	const annotations = (t.annotations ?? []).flatMap(annotationKey);
	const exports = (t.output ?? []).map((e) => {
		const attrs: Record<string, string> = {...e.attrs};
		if (e.dest) attrs['dest'] = e.dest;
		for (const a of annotations) attrs[a.key] = a.value;
		return {type: e.type, attrs};
	});
	return {
		contextPath,
		dockerfilePath,
		namedContexts,
		exports,
		allow: [...(t.entitlements ?? [])],
		networkMode: t.network ?? '',
		linked: t.linked,
	};
}
