// The variables pane: a cursor over the bake file's variables (JSON-array ones opened to one
// toggle per value plus "add"), edits, resets, and the re-evaluation each change causes.

import {varItems} from '../panels.js';
import {addListItem, checkVarText, toggleListItem, valueText} from '../variables.js';
import type {ActionContext} from './context.js';

export interface VariableActions {
	varMove(delta: number): void;
	varActivate(): void;
	varToggle(): void;
	varReset(): void;
	editInput(text: string): void;
	editCommit(): Promise<void>;
}

export function variableActions({get, set}: ActionContext): VariableActions {
	const items = () => {
		const s = get();
		return varItems(s.tree, s.vars, s.listExtras);
	};
	return {
		varMove(delta) {
			const n = items().length;
			set({varCursor: Math.max(0, Math.min(get().varCursor + delta, n - 1))});
		},
		varActivate() {
			const s = get();
			const item = items()[s.varCursor];
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
			const item = items()[s.varCursor];
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
			const item = items()[s.varCursor];
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
			const item = items().find(
				(x) => x.info.name === m.variable && (m.adding ? x.kind === 'add' : x.kind === 'variable'),
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
	};
}
