// The inspector: the lines shown for the row under the cursor, its scroll, and the Dockerfile
// of the target there, read once per path in the background.

import {dockerfilePath, type InspectLine, inspectLines} from '../inspect.js';
import type {ActionContext} from './context.js';

export interface InspectorActions {
	inspectScrollBy(delta: number): void;
	/** The inspector's lines for the cursor row. */
	inspect(): InspectLine[];
}

/** Starts reading the Dockerfile of the target under the cursor, unless it is read already. */
export function requestDockerfile({get, set, deps}: ActionContext): void {
	const s = get();
	const row = s.rows[s.cursor];
	if (!s.tree || !row?.target || !deps.resolvedTarget) return;
	const path = dockerfilePath(deps.resolvedTarget(s.tree, row.target));
	if (!path || s.dockerfiles.has(path)) return;
	set({dockerfiles: new Map(s.dockerfiles).set(path, {})});
	deps.readFile(path).then(
		(text) => {
			set({dockerfiles: new Map(get().dockerfiles).set(path, {text})});
		},
		(err: unknown) => {
			const error = err instanceof Error ? err.message : String(err);
			set({dockerfiles: new Map(get().dockerfiles).set(path, {error})});
		},
	);
}

export function inspectorActions({get, set, deps, options}: ActionContext): InspectorActions {
	return {
		inspectScrollBy(delta) {
			set({inspectScroll: Math.max(0, get().inspectScroll + delta)});
		},
		inspect() {
			const s = get();
			const row = s.rows[s.cursor];
			if (!s.tree || !row)
				return [{text: s.status === 'loading' ? 'loading…' : 'nothing here', style: 'dim'}];
			const resolved = row.target ? deps.resolvedTarget?.(s.tree, row.target) : undefined;
			const path = dockerfilePath(resolved);
			const df = path ? s.dockerfiles.get(path) : undefined;
			return inspectLines({
				tree: s.tree,
				row,
				instances: s.blockTree?.instances.get(row.block) ?? [],
				resolved,
				...(row.target ? {problem: deps.targetProblem?.(s.tree, row.target)} : {}),
				set: options.set,
				...(path ? {dockerfile: {path, ...df}} : {}),
			});
		},
	};
}
