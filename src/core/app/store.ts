// The explorer's state: a zustand vanilla store with plain actions. Components only read slices
// and call actions (through keys.ts); everything here runs without a terminal.

import {createStore, type StoreApi} from 'zustand/vanilla';
import {closureOfAll} from '../build/plan.js';
import {DiagnosticError} from '../diagnostics.js';
import {bannerLines} from './banner.js';
import type {BuildCommandInput} from './build-command.js';
import {
	clearAxis,
	filterFromJson,
	filterToJson,
	matchesFilter,
	NO_FILTER,
	soloFilterValue,
	toggleFilterValue,
} from './filter.js';
import {dockerfilePath as dockerfileFor, type InspectLine, inspectLines} from './inspect.js';
import {type LaunchActions, type LaunchState, launchActions} from './launch.js';
import {computeLayout, scrollFor, type Viewport} from './layout.js';
import {axisItems, varItems} from './panels.js';
import {buildSearchIndex, type SearchIndex} from './search.js';
import {type BlockTree, buildBlockTree, buildRows} from './tree-rows.js';
import type {
	AppDeps,
	AppOptions,
	Focus,
	LoadError,
	Mode,
	Orientation,
	PersistedUi,
	SearchHit,
	TreeResult,
	TreeRow,
	VectorFilter,
} from './types.js';
import {FOCUS_ORDER} from './types.js';
import {addListItem, checkVarText, toggleListItem, valueText} from './variables.js';

export interface AppState extends LaunchState {
	readonly options: AppOptions;
	readonly status: 'loading' | 'ready' | 'failed';
	readonly tree: TreeResult | null;
	readonly error: LoadError | null;
	readonly loads: number;
	readonly orientation: Orientation;
	readonly expanded: ReadonlySet<string>;
	readonly filter: VectorFilter;
	readonly selection: ReadonlySet<string>;
	/** Variable values edited in the TUI (on top of `--var`). */
	readonly vars: Readonly<Record<string, string>>;
	/** Values added to list variables, kept as toggles after they are switched off. */
	readonly listExtras: Readonly<Record<string, readonly string[]>>;
	readonly blockTree: BlockTree | null;
	readonly rows: readonly TreeRow[];
	readonly cursor: number;
	readonly scroll: number;
	readonly viewport: Viewport;
	readonly focus: Focus;
	readonly sideTab: Exclude<Focus, 'tree'>;
	readonly axisCursor: number;
	readonly varCursor: number;
	readonly inspectScroll: number;
	readonly mode: Mode;
	readonly searchHits: readonly SearchHit[];
	readonly dockerfiles: ReadonlyMap<string, {readonly text?: string; readonly error?: string}>;
	readonly summary: {readonly selected: number; readonly closure: number};
	readonly message: string | null;
	readonly quitting: boolean;
}

export interface AppActions extends LaunchActions {
	load(reason?: 'start' | 'file' | 'edit' | 'manual', variable?: string): Promise<void>;
	resize(vp: Viewport): void;
	move(delta: number): void;
	moveTo(index: number): void;
	page(direction: 1 | -1): void;
	expand(open?: boolean): void;
	collapseAll(): void;
	toggleSelect(): void;
	clearSelection(): void;
	flipOrientation(): void;
	jump(direction: 'input' | 'dependent'): void;
	jumpTo(id: string): boolean;
	setFocus(focus: Focus): void;
	cycleFocus(step: 1 | -1): void;
	setMode(mode: Mode): void;
	searchInput(query: string): void;
	searchMove(delta: number): void;
	searchAccept(): void;
	axisMove(delta: number): void;
	axisToggle(solo?: boolean): void;
	varMove(delta: number): void;
	varActivate(): void;
	varToggle(): void;
	varReset(): void;
	editInput(text: string): void;
	editCommit(): Promise<void>;
	inspectScrollBy(delta: number): void;
	/** The inspector's lines for the cursor row. */
	inspect(): InspectLine[];
	buildRequest(): BuildCommandInput;
	quit(): void;
	persist(): void;
}

export type AppStore = StoreApi<AppState & AppActions>;

const DEFAULT_VIEWPORT: Viewport = {columns: 120, rows: 40};

function rowIdForBlock(tree: TreeResult, block: string, bt: BlockTree | null): string {
	const info = tree.graph.blocks.get(block);
	const names = bt?.instances.get(block) ?? info?.instances ?? [];
	if (info && !info.hasMatrix && info.instances.length === 1)
		return `t:${names[0] ?? info.instances[0]}`;
	return `b:${block}`;
}

export function createAppStore(
	deps: AppDeps,
	options: AppOptions,
	viewport = DEFAULT_VIEWPORT,
): AppStore {
	let generation = 0;
	let searchIndex: SearchIndex | null = null;
	let lastJump: {origin: string; direction: string; index: number; landed: string} | null = null;
	let restored = false;

	return createStore<AppState & AppActions>()((set, get) => {
		const treeRows = (s: AppState): number =>
			computeLayout(s.viewport, bannerLines(s.error).length).treeRows;

		/** Recomputes rows after the tree, filter, expansion or orientation changed; keeps the cursor row. */
		const relayout = (patch: Partial<AppState>, keepId?: string): Partial<AppState> => {
			const s = {...get(), ...patch};
			if (!s.tree) return patch;
			const filterChanged = patch.filter !== undefined || patch.tree !== undefined;
			const blockTree =
				filterChanged || !s.blockTree ? buildBlockTree(s.tree.graph, s.filter) : s.blockTree;
			if (filterChanged) searchIndex = null;
			const rows = buildRows(s.tree.graph, blockTree, s.expanded, s.orientation);
			const want = keepId ?? get().rows[get().cursor]?.id;
			let cursor = want ? rows.findIndex((r) => r.id === want) : -1;
			if (cursor < 0 && want?.startsWith('t:')) {
				const block = s.tree.graph.nodes.get(want.slice(2))?.block;
				if (block) cursor = rows.findIndex((r) => r.id === `b:${block}`);
			}
			if (cursor < 0) cursor = Math.min(s.cursor, rows.length - 1);
			if (cursor < 0) cursor = 0;
			const scroll = scrollFor(cursor, s.scroll, treeRows(s), rows.length);
			return {...patch, blockTree, rows, cursor, scroll, summary: summarize({...s, rows})};
		};

		const summarize = (s: AppState): AppState['summary'] => {
			if (!s.tree) return {selected: 0, closure: 0};
			const effective = effectiveSelection(s);
			return {selected: effective.length, closure: closureOfAll(s.tree.graph, effective).length};
		};

		const setCursor = (index: number): void => {
			const s = get();
			const cursor = Math.max(0, Math.min(index, s.rows.length - 1));
			set({
				cursor,
				scroll: scrollFor(cursor, s.scroll, treeRows(s), s.rows.length),
				inspectScroll: 0,
			});
			requestDockerfile();
		};

		const requestDockerfile = (): void => {
			const s = get();
			const row = s.rows[s.cursor];
			if (!s.tree || !row?.target || !deps.resolvedTarget) return;
			const path = dockerfileOf(s, row.target);
			if (!path || s.dockerfiles.has(path)) return;
			const loading = new Map(s.dockerfiles);
			loading.set(path, {});
			set({dockerfiles: loading});
			deps.readFile(path).then(
				(text) => {
					set({dockerfiles: new Map(get().dockerfiles).set(path, {text})});
				},
				(err: unknown) => {
					const error = err instanceof Error ? err.message : String(err);
					set({dockerfiles: new Map(get().dockerfiles).set(path, {error})});
				},
			);
		};

		const dockerfileOf = (s: AppState, name: string): string | undefined => {
			if (!s.tree || !deps.resolvedTarget) return undefined;
			return dockerfileFor(deps.resolvedTarget(s.tree, name));
		};

		const applyPersisted = (ui: PersistedUi | undefined): Partial<AppState> => {
			if (!ui) return {};
			const patch: {-readonly [K in keyof AppState]?: AppState[K]} = {};
			if (ui.filter) patch.filter = filterFromJson(ui.filter);
			if (ui.selection) patch.selection = new Set(ui.selection);
			if (ui.expanded) patch.expanded = new Set(ui.expanded);
			if (ui.topDown && !options.topDown) patch.orientation = 'top-down';
			return patch;
		};

		const evaluate = async (vars: Readonly<Record<string, string>>): Promise<TreeResult> => {
			const files = await Promise.all(
				options.files.map(async (name) => ({name, content: await deps.readFile(name)})),
			);
			return deps.loadTree({
				files,
				env: options.env,
				vars: {...options.vars, ...vars},
				set: [...options.set],
			});
		};

		return {
			options,
			status: 'loading',
			tree: null,
			error: null,
			loads: 0,
			orientation: options.topDown ? 'top-down' : 'bottom-up',
			expanded: new Set(),
			filter: NO_FILTER,
			selection: new Set(),
			vars: {},
			listExtras: {},
			blockTree: null,
			rows: [],
			cursor: 0,
			scroll: 0,
			viewport,
			focus: 'tree',
			sideTab: 'inspector',
			axisCursor: 0,
			varCursor: 0,
			inspectScroll: 0,
			mode: {kind: 'normal'},
			searchHits: [],
			dockerfiles: new Map(),
			summary: {selected: 0, closure: 0},
			message: null,
			quitting: false,
			build: null,
			complement: null,
			...launchActions(get, set, deps, options),

			async load(reason = 'start', variable?: string) {
				const gen = ++generation;
				const vars = get().vars;
				let tree: TreeResult;
				try {
					tree = await evaluate(vars);
				} catch (err) {
					if (gen !== generation) return;
					const error = toLoadError(err, variable);
					set({error, status: get().tree ? 'ready' : 'failed', loads: get().loads + 1});
					set({scroll: scrollFor(get().cursor, get().scroll, treeRows(get()), get().rows.length)});
					return;
				}
				if (gen !== generation) return;
				let patch: Partial<AppState> = {tree, error: null, status: 'ready', loads: get().loads + 1};
				let keepId: string | undefined;
				if (!restored) {
					restored = true;
					const ui = options.persistKey ? deps.persistence?.load(options.persistKey) : undefined;
					patch = {...patch, ...applyPersisted(ui)};
					keepId = ui?.cursor;
				}
				const first = get().rows.length === 0;
				if (reason === 'file')
					patch = {...patch, message: 'reloaded: bake file changed', dockerfiles: new Map()};
				const next = relayout(patch, keepId);
				set(next);
				// Nothing remembered: start on the root, at the bottom in the bottom-up view.
				if (first && (!keepId || get().rows[get().cursor]?.id !== keepId)) {
					setCursor(get().orientation === 'bottom-up' ? get().rows.length - 1 : 0);
				}
				requestDockerfile();
			},

			resize(vp) {
				const s = {...get(), viewport: vp};
				set({viewport: vp, scroll: scrollFor(s.cursor, s.scroll, treeRows(s), s.rows.length)});
			},
			move(delta) {
				setCursor(get().cursor + delta);
			},
			moveTo(index) {
				setCursor(index < 0 ? get().rows.length + index : index);
			},
			page(direction) {
				setCursor(get().cursor + direction * Math.max(1, treeRows(get()) - 1));
			},
			expand(open) {
				const s = get();
				const row = s.rows[s.cursor];
				if (!row) return;
				if (row.kind !== 'block') {
					// On an instance, "collapse" closes its block and lands on it.
					if (open === false && row.kind === 'instance') {
						const expanded = new Set(s.expanded);
						expanded.delete(row.block);
						set(relayout({expanded}, `b:${row.block}`));
					}
					return;
				}
				const want = open ?? !row.expanded;
				if (want === row.expanded) return;
				const expanded = new Set(s.expanded);
				if (want) expanded.add(row.block);
				else expanded.delete(row.block);
				set(relayout({expanded}, row.id));
			},
			collapseAll() {
				const row = get().rows[get().cursor];
				set(relayout({expanded: new Set()}, row?.kind === 'instance' ? `b:${row.block}` : row?.id));
			},
			toggleSelect() {
				const s = get();
				const row = s.rows[s.cursor];
				if (!row || !s.tree) return;
				const names = row.target
					? [row.target]
					: [...(s.blockTree?.instances.get(row.block) ?? [])];
				const selection = new Set(s.selection);
				const all = names.every((n) => selection.has(n));
				for (const n of names) {
					if (all) selection.delete(n);
					else selection.add(n);
				}
				set({selection, summary: summarize({...s, selection})});
			},
			clearSelection() {
				const s = get();
				set({selection: new Set(), summary: summarize({...s, selection: new Set()})});
			},
			flipOrientation() {
				const s = get();
				set(relayout({orientation: s.orientation === 'bottom-up' ? 'top-down' : 'bottom-up'}));
			},
			jump(direction) {
				const s = get();
				const row = s.rows[s.cursor];
				if (!row || !s.tree) return;
				const prev = lastJump;
				const continuing = prev !== null && prev.landed === row.id && prev.direction === direction;
				const origin = continuing ? prev.origin : row.id;
				const targets = jumpTargets(s, origin);
				const list = direction === 'input' ? targets.inputs : targets.dependents;
				if (list.length === 0) {
					set({
						message:
							direction === 'input' ? 'no inputs: this is a root' : 'nothing depends on this',
					});
					return;
				}
				const i = continuing ? (prev.index + 1) % list.length : 0;
				const id = list[i] as string;
				if (!get().jumpTo(id)) return;
				lastJump = {origin, direction, index: i, landed: get().rows[get().cursor]?.id ?? id};
				const key = direction === 'input' ? '[' : ']';
				const more = list.length > 1 ? ` (${i + 1}/${list.length}, ${key} for the next)` : '';
				set({message: `${direction} ${id.slice(2)}${more}`});
			},
			jumpTo(id) {
				const s = get();
				if (!s.tree) return false;
				let patch: Partial<AppState> = {};
				if (id.startsWith('t:')) {
					const node = s.tree.graph.nodes.get(id.slice(2));
					if (!node) return false;
					if (!matchesFilter(node, s.filter)) {
						set({message: `${node.name} is hidden by the vector filter`});
						return false;
					}
					if (
						rowIdForBlock(s.tree, node.block, s.blockTree).startsWith('b:') &&
						!s.expanded.has(node.block)
					)
						patch = {expanded: new Set(s.expanded).add(node.block)};
				}
				const next = relayout(patch, id);
				const index = (next.rows ?? s.rows).findIndex((r) => r.id === id);
				if (index < 0) return false;
				set({...next, focus: 'tree', cursor: index});
				setCursor(index);
				return true;
			},
			setFocus(focus) {
				set(focus === 'tree' ? {focus} : {focus, sideTab: focus});
			},
			cycleFocus(step) {
				const i = FOCUS_ORDER.indexOf(get().focus);
				const next = FOCUS_ORDER[(i + step + FOCUS_ORDER.length) % FOCUS_ORDER.length] ?? 'tree';
				get().setFocus(next);
			},
			setMode(mode) {
				set({mode, message: null});
				if (mode.kind === 'search') get().searchInput(mode.query);
			},
			searchInput(query) {
				const s = get();
				if (!s.tree) return;
				if (!searchIndex) searchIndex = buildSearchIndex(s.tree.graph, s.filter);
				set({mode: {kind: 'search', query, cursor: 0}, searchHits: searchIndex.search(query)});
			},
			searchMove(delta) {
				const s = get();
				if (s.mode.kind !== 'search') return;
				const cursor = Math.max(0, Math.min(s.mode.cursor + delta, s.searchHits.length - 1));
				set({mode: {...s.mode, cursor}});
			},
			searchAccept() {
				const s = get();
				if (s.mode.kind !== 'search') return;
				const hit = s.searchHits[s.mode.cursor];
				set({mode: {kind: 'normal'}});
				if (hit) get().jumpTo(hit.id);
			},
			axisMove(delta) {
				const n = axisItems(get().tree).length;
				set({axisCursor: Math.max(0, Math.min(get().axisCursor + delta, n - 1))});
			},
			axisToggle(solo = false) {
				const s = get();
				const item = axisItems(s.tree)[s.axisCursor];
				if (!item) return;
				const filter =
					item.kind === 'axis'
						? clearAxis(s.filter, item.axis.name)
						: solo
							? soloFilterValue(s.filter, item.axis, item.value)
							: toggleFilterValue(s.filter, item.axis, item.value);
				set(relayout({filter}));
			},
			varMove(delta) {
				const s = get();
				const n = varItems(s.tree, s.vars, s.listExtras).length;
				set({varCursor: Math.max(0, Math.min(s.varCursor + delta, n - 1))});
			},
			varActivate() {
				const s = get();
				const item = varItems(s.tree, s.vars, s.listExtras)[s.varCursor];
				if (!item) return;
				if (item.kind === 'add') {
					set({mode: {kind: 'edit', variable: item.info.name, text: '', adding: true}});
				} else if (item.kind === 'item' || (item.kind === 'variable' && item.type === 'bool')) {
					get().varToggle();
				} else if (item.kind === 'variable' && item.type !== 'list') {
					const text = s.vars[item.info.name] ?? valueText(item.info.value);
					set({mode: {kind: 'edit', variable: item.info.name, text, adding: false}});
				}
			},
			varToggle() {
				const s = get();
				const item = varItems(s.tree, s.vars, s.listExtras)[s.varCursor];
				if (!item) return;
				let text: string | undefined;
				if (item.kind === 'item') text = toggleListItem(item.items, item.item.value);
				else if (item.kind === 'variable' && item.type === 'bool') {
					const current = s.vars[item.info.name] ?? valueText(item.info.value);
					text = current === 'true' ? 'false' : 'true';
				}
				if (text === undefined) return;
				set({vars: {...s.vars, [item.info.name]: text}});
				void get().load('edit', item.info.name);
			},
			varReset() {
				const s = get();
				const item = varItems(s.tree, s.vars, s.listExtras)[s.varCursor];
				if (!item || !(item.info.name in s.vars)) return;
				const vars = {...s.vars};
				delete vars[item.info.name];
				set({vars});
				void get().load('edit', item.info.name);
			},
			editInput(text) {
				const m = get().mode;
				if (m.kind === 'edit') set({mode: {...m, text}});
			},
			async editCommit() {
				const s = get();
				const m = s.mode;
				if (m.kind !== 'edit') return;
				const item = varItems(s.tree, s.vars, s.listExtras).find(
					(x) =>
						x.info.name === m.variable && (m.adding ? x.kind === 'add' : x.kind === 'variable'),
				);
				if (!item) return set({mode: {kind: 'normal'}});
				let text = m.text;
				if (m.adding) {
					if (item.kind !== 'add' || !text.trim()) return set({mode: {kind: 'normal'}});
					const extras = {
						...s.listExtras,
						[m.variable]: [...(s.listExtras[m.variable] ?? []), text.trim()],
					};
					text = addListItem(item.items, text.trim());
					set({listExtras: extras});
				} else if (item.kind === 'variable') {
					const problem = checkVarText(item.type, text);
					if (problem) return set({message: problem});
				}
				set({mode: {kind: 'normal'}, vars: {...get().vars, [m.variable]: text}});
				await get().load('edit', m.variable);
			},
			inspectScrollBy(delta) {
				set({inspectScroll: Math.max(0, get().inspectScroll + delta)});
			},
			inspect() {
				const s = get();
				const row = s.rows[s.cursor];
				if (!s.tree || !row)
					return [{text: s.status === 'loading' ? 'loading…' : 'nothing here', style: 'dim'}];
				const resolved = row.target ? deps.resolvedTarget?.(s.tree, row.target) : undefined;
				const path = dockerfileFor(resolved);
				const df = path ? s.dockerfiles.get(path) : undefined;
				return inspectLines({
					tree: s.tree,
					row,
					instances: s.blockTree?.instances.get(row.block) ?? [],
					resolved,
					set: options.set,
					...(path ? {dockerfile: {path, ...df}} : {}),
				});
			},
			buildRequest() {
				const s = get();
				let targets = effectiveSelection(s);
				if (targets.length === 0) {
					const row = s.rows[s.cursor];
					targets = row?.target
						? [row.target]
						: [...(row ? (s.blockTree?.instances.get(row.block) ?? []) : [])];
				}
				// Only the bake file's declared variables go to the build (and its preview).
				const declared = new Set(s.tree?.raw.variables.map((v) => v.name) ?? []);
				const vars = Object.fromEntries(
					Object.entries({...options.vars, ...s.vars}).filter(([k]) => declared.has(k)),
				);
				return {files: options.files, set: options.set, vars, targets};
			},
			quit() {
				get().persist();
				// Nothing started from here outlives the explorer.
				get().build?.cancel();
				get().complement?.cancel();
				set({quitting: true});
			},
			persist() {
				const s = get();
				if (!options.persistKey || !deps.persistence || !s.tree) return;
				const cursor = s.rows[s.cursor]?.id;
				deps.persistence.save(options.persistKey, {
					...(cursor ? {cursor} : {}),
					filter: filterToJson(s.filter),
					selection: [...s.selection],
					expanded: [...s.expanded],
					topDown: s.orientation === 'top-down',
				});
			},
		};
	});
}

/** Selected targets that pass the vector filter and still exist, in tree order. */
export function effectiveSelection(s: Pick<AppState, 'tree' | 'selection' | 'filter'>): string[] {
	if (!s.tree) return [];
	const out: string[] = [];
	for (const name of s.selection) {
		const node = s.tree.graph.nodes.get(name);
		if (node && matchesFilter(node, s.filter)) out.push(name);
	}
	return out;
}

/** Row ids the cursor row can jump to: what it is built from, what is built from it. */
export function jumpTargets(s: AppState, id: string): {inputs: string[]; dependents: string[]} {
	const tree = s.tree;
	if (!tree) return {inputs: [], dependents: []};
	const graph = tree.graph;
	if (id.startsWith('b:')) {
		const block = id.slice(2);
		const names = s.blockTree?.instances.get(block) ?? [];
		const inputs = (s.blockTree?.inputs.get(block) ?? []).map((b) =>
			rowIdForBlock(tree, b, s.blockTree),
		);
		const deps = new Set<string>();
		for (const n of names)
			for (const d of graph.nodes.get(n)?.dependents ?? []) {
				const node = graph.nodes.get(d);
				if (node && node.block !== block && matchesFilter(node, s.filter)) deps.add(node.block);
			}
		return {inputs, dependents: [...deps].map((b) => rowIdForBlock(tree, b, s.blockTree))};
	}
	const node = graph.nodes.get(id.slice(2));
	if (!node) return {inputs: [], dependents: []};
	const visible = (n: string): boolean => {
		const x = graph.nodes.get(n);
		return x !== undefined && matchesFilter(x, s.filter);
	};
	return {
		inputs: [...new Set(node.inputs.values())].filter(visible).map((n) => `t:${n}`),
		dependents: node.dependents.filter(visible).map((n) => `t:${n}`),
	};
}

function toLoadError(err: unknown, variable: string | undefined): LoadError {
	const extra = variable ? {variable} : {};
	if (err instanceof DiagnosticError)
		return {diagnostics: err.diagnostics, ...(err.sources ? {sources: err.sources} : {}), ...extra};
	const summary = err instanceof Error ? err.message : String(err);
	return {diagnostics: [{severity: 'error', summary, detail: ''}], ...extra};
}
