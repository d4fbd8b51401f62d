// The one keymap: a key name (see src/ui/key-name.ts) plus the state decide the action, and
// the footer and help overlay read their hints from the same table so they never disagree.

import type {AppActions, AppState} from './store.js';

type Store = AppState & AppActions;
type Handler = (s: Store) => void;

interface Binding {
	readonly keys: readonly string[];
	/** Shown in the footer / help; bindings without a label still work. */
	readonly label?: string;
	readonly hint?: string;
	readonly run: Handler;
}

// Order is footer priority: the footer shows what fits, so quitting stays in sight.
const GLOBAL: readonly Binding[] = [
	{keys: ['?'], hint: '?', label: 'help', run: (s) => s.setMode({kind: 'help'})},
	{
		keys: ['/'],
		hint: '/',
		label: 'search',
		run: (s) => s.setMode({kind: 'search', query: '', cursor: 0}),
	},
	{keys: ['b'], hint: 'b', label: 'build', run: (s) => s.openBuild()},
	{keys: ['C'], hint: 'C', label: 'complement', run: (s) => void s.openComplement()},
	{keys: ['q'], hint: 'q', label: 'quit', run: (s) => s.quit()},
	{keys: ['tab'], hint: 'Tab', label: 'next pane', run: (s) => s.cycleFocus(1)},
	{keys: ['shift-tab'], run: (s) => s.cycleFocus(-1)},
	{keys: ['t'], hint: 't', label: 'flip tree', run: (s) => s.flipOrientation()},
	{keys: ['r'], label: 'reload', hint: 'r', run: (s) => void s.load('manual')},
	{keys: ['B'], hint: 'B', label: 'build command', run: (s) => s.setMode({kind: 'command'})},
	{keys: ['a'], run: (s) => s.setFocus('axes')},
	{keys: ['v'], run: (s) => s.setFocus('variables')},
	{keys: ['i'], run: (s) => s.setFocus('inspector')},
];

const TREE: readonly Binding[] = [
	{keys: ['up', 'k'], hint: '↑↓/jk', label: 'move', run: (s) => s.move(-1)},
	{keys: ['down', 'j'], run: (s) => s.move(1)},
	{keys: ['pageup', 'ctrl-b'], run: (s) => s.page(-1)},
	{keys: ['pagedown', 'ctrl-f'], run: (s) => s.page(1)},
	{keys: ['g', 'home'], run: (s) => s.moveTo(0)},
	{keys: ['G', 'end'], run: (s) => s.moveTo(-1)},
	{keys: ['right', 'l'], hint: '←→/hl', label: 'fold', run: (s) => s.expand(true)},
	{keys: ['left', 'h'], run: (s) => s.expand(false)},
	{keys: ['enter'], run: (s) => toggleOrInspect(s)},
	{keys: ['space'], hint: 'Space', label: 'select', run: (s) => s.toggleSelect()},
	{keys: ['['], hint: '[ ]', label: 'input/dependent', run: (s) => s.jump('input')},
	{keys: [']'], run: (s) => s.jump('dependent')},
	{keys: ['x'], run: (s) => s.clearSelection()},
	{keys: ['c'], run: (s) => s.collapseAll()},
];

const INSPECTOR: readonly Binding[] = [
	{keys: ['up', 'k'], hint: '↑↓', label: 'scroll', run: (s) => s.inspectScrollBy(-1)},
	{keys: ['down', 'j'], run: (s) => s.inspectScrollBy(1)},
	{keys: ['pageup'], run: (s) => s.inspectScrollBy(-10)},
	{keys: ['pagedown'], run: (s) => s.inspectScrollBy(10)},
	{keys: ['g', 'home'], run: (s) => s.inspectScrollBy(-1e9)},
	{keys: ['['], hint: '[ ]', label: 'input/dependent', run: (s) => s.jump('input')},
	{keys: [']'], run: (s) => s.jump('dependent')},
	{keys: ['escape'], hint: 'Esc', label: 'tree', run: (s) => s.setFocus('tree')},
];

const AXES: readonly Binding[] = [
	{keys: ['up', 'k'], hint: '↑↓', label: 'move', run: (s) => s.axisMove(-1)},
	{keys: ['down', 'j'], run: (s) => s.axisMove(1)},
	{keys: ['pageup'], run: (s) => s.axisMove(-10)},
	{keys: ['pagedown'], run: (s) => s.axisMove(10)},
	{keys: ['g', 'home'], run: (s) => s.axisMove(-1e9)},
	{keys: ['G', 'end'], run: (s) => s.axisMove(1e9)},
	{keys: ['space', 'enter'], hint: 'Space', label: 'toggle value', run: (s) => s.axisToggle()},
	{keys: ['o'], hint: 'o', label: 'only this', run: (s) => s.axisToggle(true)},
	{keys: ['escape'], hint: 'Esc', label: 'tree', run: (s) => s.setFocus('tree')},
];

const VARIABLES: readonly Binding[] = [
	{keys: ['up', 'k'], hint: '↑↓', label: 'move', run: (s) => s.varMove(-1)},
	{keys: ['down', 'j'], run: (s) => s.varMove(1)},
	{keys: ['pageup'], run: (s) => s.varMove(-10)},
	{keys: ['pagedown'], run: (s) => s.varMove(10)},
	{keys: ['g', 'home'], run: (s) => s.varMove(-1e9)},
	{keys: ['G', 'end'], run: (s) => s.varMove(1e9)},
	{keys: ['enter'], hint: 'Enter', label: 'edit', run: (s) => s.varActivate()},
	{keys: ['space'], hint: 'Space', label: 'toggle', run: (s) => s.varToggle()},
	{keys: ['x'], hint: 'x', label: 'reset', run: (s) => s.varReset()},
	{keys: ['escape'], hint: 'Esc', label: 'tree', run: (s) => s.setFocus('tree')},
];

function toggleOrInspect(s: Store): void {
	const row = s.rows[s.cursor];
	if (row?.kind === 'block') s.expand();
	else s.setFocus('inspector');
}

const PANES: Readonly<Record<AppState['focus'], readonly Binding[]>> = {
	tree: TREE,
	inspector: INSPECTOR,
	axes: AXES,
	variables: VARIABLES,
};

/** Applies one key; returns false when nothing is bound to it here. */
export function handleKey(s: Store, key: string): boolean {
	if (key === 'ctrl-c') {
		s.quit();
		return true;
	}
	const mode = s.mode;
	switch (mode.kind) {
		case 'help':
		case 'command':
			if (['escape', 'enter', 'q', '?', 'b', 'B'].includes(key)) s.setMode({kind: 'normal'});
			return true;
		case 'allow':
			if (key === 'y' || key === 'Y') s.answerAllow(true);
			else if (['n', 'N', 'escape', 'q'].includes(key)) s.answerAllow(false);
			return true;
		case 'build':
		case 'complement':
			// These views read their own keys (src/ui/build, src/ui/complement).
			return false;
		case 'search':
			if (key === 'escape') s.setMode({kind: 'normal'});
			else if (key === 'enter') s.searchAccept();
			else if (key === 'up' || key === 'ctrl-p') s.searchMove(-1);
			else if (key === 'down' || key === 'ctrl-n' || key === 'tab') s.searchMove(1);
			else if (key === 'backspace') s.searchInput(mode.query.slice(0, -1));
			else if (key === 'ctrl-u') s.searchInput('');
			else if (isText(key)) s.searchInput(mode.query + textOf(key));
			return true;
		case 'edit':
			if (key === 'escape') s.setMode({kind: 'normal'});
			else if (key === 'enter') void s.editCommit();
			else if (key === 'backspace') s.editInput(mode.text.slice(0, -1));
			else if (key === 'ctrl-u') s.editInput('');
			else if (isText(key)) s.editInput(mode.text + textOf(key));
			return true;
		case 'normal':
			break;
	}
	if (s.message) s.setMode({kind: 'normal'});
	for (const b of [...PANES[s.focus], ...GLOBAL]) {
		if (b.keys.includes(key)) {
			b.run(s);
			return true;
		}
	}
	return false;
}

function isText(key: string): boolean {
	return key === 'space' || [...key].length === 1;
}

function textOf(key: string): string {
	return key === 'space' ? ' ' : key;
}

export interface Hint {
	readonly key: string;
	readonly label: string;
}

/** The keys that work right now, for the footer. */
export function keyHints(s: Pick<AppState, 'focus' | 'mode'>): Hint[] {
	switch (s.mode.kind) {
		case 'help':
			return [{key: 'Esc/?', label: 'close help'}];
		case 'command':
			return [{key: 'Esc', label: 'close'}];
		case 'allow':
			return [
				{key: 'y', label: 'grant and build'},
				{key: 'n', label: 'cancel'},
			];
		case 'build':
		case 'complement':
			return [];
		case 'search':
			return [
				{key: 'type', label: 'filter'},
				{key: '↑↓', label: 'pick'},
				{key: 'Enter', label: 'jump'},
				{key: 'Esc', label: 'cancel'},
			];
		case 'edit':
			return [
				{key: 'type', label: 'edit'},
				{key: 'Enter', label: 'apply'},
				{key: 'Esc', label: 'cancel'},
			];
		case 'normal':
			break;
	}
	const pane = PANES[s.focus].filter((b) => b.hint);
	const global = GLOBAL.filter((b) => b.hint && !pane.some((p) => p.hint === b.hint));
	return [...pane, ...global].map((b) => ({key: b.hint ?? '', label: b.label ?? ''}));
}

/** Every pane's bindings for the help overlay. */
export function helpSections(): {title: string; hints: Hint[]}[] {
	const list = (bs: readonly Binding[]): Hint[] =>
		bs.filter((b) => b.hint).map((b) => ({key: b.hint ?? '', label: b.label ?? ''}));
	return [
		{
			title: 'Tree',
			hints: [
				...list(TREE),
				{key: 'g G', label: 'top / bottom'},
				{key: 'PgUp PgDn', label: 'page'},
				{key: 'Enter', label: 'open block / inspect'},
				{key: 'x', label: 'clear selection'},
				{key: 'c', label: 'collapse all'},
			],
		},
		{title: 'Axes (a)', hints: list(AXES)},
		{title: 'Variables (v)', hints: list(VARIABLES)},
		{title: 'Inspector (i)', hints: list(INSPECTOR)},
		{title: 'Everywhere', hints: [...list(GLOBAL), {key: 'Ctrl-C', label: 'quit'}]},
	];
}
