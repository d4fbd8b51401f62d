// Leaving the tree for a build or a Complement run and coming back: the explorer's state
// (cursor, selection, filters) is untouched while the other view is up. `b` and its preview
// `B` read one build request, so that the preview is the command the build runs.

import {type BuildPlan, planBuild} from '../../build/plan.js';
import type {BuildHandle} from '../../build/start-build.js';
import type {BuildCommandInput} from '../build-command.js';
import type {ComplementRun, Mode} from '../types.js';
import type {ActionContext, Store} from './context.js';
import {cursorTargets, effectiveSelection} from './selection.js';

export interface LaunchState {
	/** The last build started from the explorer (kept so that `b` can show it again). */
	readonly build: BuildHandle | null;
	readonly complement: ComplementRun | null;
}

export interface LaunchActions {
	/** `b`: the build of the selection (or the cursor row), after the entitlement question. */
	openBuild(): void;
	/** Answers the entitlement question. */
	answerAllow(yes: boolean): void;
	closeBuild(): void;
	/** `C`: Complement for the instance under the cursor. */
	openComplement(): Promise<void>;
	closeComplement(): void;
	/** What `b` runs now: targets, declared variables and the entitlements it grants. */
	buildRequest(): BuildCommandInput;
}

const NORMAL: Mode = {kind: 'normal'};

/** The selection as the filter shows it, else the row under the cursor (a block: its instances). */
function buildTargets(s: Store): readonly string[] {
	const selected = effectiveSelection(s);
	return selected.length > 0 ? selected : cursorTargets(s);
}

export function launchActions({get, set, deps, options}: ActionContext): LaunchActions {
	let pending: {targets: readonly string[]; plan: BuildPlan} | null = null;
	// Starting may load the build code first: a second `b` meanwhile must not start it twice.
	let starting = false;

	const plan = (): {targets: readonly string[]; plan: BuildPlan} | null => {
		const s = get();
		const tree = s.tree;
		if (!tree) return null;
		const targets = buildTargets(s);
		return {
			targets,
			plan: planBuild({
				raw: tree.raw,
				graph: tree.graph,
				targets,
				vars: {...options.vars, ...s.vars},
				entitlementsOf: (name) => deps.entitlementsOf?.(tree, name),
			}),
		};
	};

	const launch = async (
		targets: readonly string[],
		p: BuildPlan,
		allow: readonly string[],
	): Promise<void> => {
		const start = deps.startBuild;
		if (!start) {
			set({mode: {kind: 'command'}, message: null});
			return;
		}
		starting = true;
		// The build view is up from the key on (it shows "opening…" until the build starts):
		// keys typed meanwhile are the view's, not the tree's (q goes back, it does not quit).
		set({build: undefined, mode: {kind: 'build'}, message: null});
		try {
			const build = await start({
				targets,
				knownTargets: p.knownTargets,
				closure: p.closure,
				waitsFor: p.waitsFor,
				files: options.files,
				set: options.set,
				vars: p.vars,
				allow,
				env: options.env,
				cwd: options.cwd ?? '.',
			});
			// Closed while starting (q): the build runs on behind the tree.
			if (get().mode.kind === 'build') set({build, message: null});
			else set({build, message: 'the build goes on: b shows it again'});
		} catch (err) {
			set({mode: NORMAL, message: err instanceof Error ? err.message : String(err)});
		} finally {
			starting = false;
		}
	};

	return {
		openBuild() {
			if (starting) return;
			const s = get();
			if (s.build && s.build.store.getState().phase !== 'finished') {
				set({mode: {kind: 'build'}, message: null});
				return;
			}
			const p = plan();
			if (!p) return set({message: 'nothing to build: the tree did not load'});
			if (p.targets.length === 0) return set({message: 'nothing to build here'});
			if (p.plan.entitlements.length > 0 && deps.startBuild) {
				pending = p;
				set({mode: {kind: 'allow', entitlements: p.plan.entitlements}, message: null});
				return;
			}
			void launch(p.targets, p.plan, []);
		},
		answerAllow(yes) {
			const p = pending;
			pending = null;
			if (!p || !yes) {
				set({mode: NORMAL, message: 'build not started: the entitlements were not granted'});
				return;
			}
			void launch(p.targets, p.plan, p.plan.entitlements);
		},
		closeBuild() {
			const running = get().build?.store.getState().phase !== 'finished';
			set({mode: NORMAL, message: running ? 'the build goes on: b shows it again' : null});
		},
		async openComplement() {
			const s = get();
			const row = s.rows[s.cursor];
			const node = row?.target ? s.tree?.graph.nodes.get(row.target) : undefined;
			if (!node) return set({message: 'C runs Complement for one instance: move to one first'});
			if (!deps.startComplement) return set({message: 'Complement is not available here'});
			get().complement?.cancel();
			// As for builds: the view is up from the key on, and keys typed meanwhile are its.
			set({complement: undefined, mode: {kind: 'complement'}, message: null});
			try {
				const run = await deps.startComplement({
					target: node.name,
					env: Object.fromEntries(node.vector),
				});
				if (get().mode.kind === 'complement') set({complement: run, message: null});
				else run.cancel();
			} catch (err) {
				set({mode: NORMAL, message: err instanceof Error ? err.message : String(err)});
			}
		},
		closeComplement() {
			get().complement?.cancel();
			set({mode: NORMAL});
		},
		buildRequest() {
			const p = plan();
			return {
				files: options.files,
				set: options.set,
				vars: p?.plan.vars ?? {},
				targets: p?.targets ?? [],
				allow: p?.plan.entitlements ?? [],
			};
		},
	};
}
