// `variable` and `function` blocks of all files: the last declaration of a name wins, and names
// reserved for block types or built-in variables are ignored (buildx hclparser.Parse).

import type {Diagnostic} from '../../diagnostics.js';
import {errorAt} from '../../diagnostics.js';
import type {Block} from '../../hcl/ast.js';
import {evaluateExpr, Scope} from '../../hcl/eval/index.js';
import type {FunctionDecl} from './evaluator.js';
import type {VariableDecl} from './variables.js';

export function collectDecls(
	blocks: readonly Block[],
	reserved: ReadonlySet<string>,
): {vars: Map<string, VariableDecl>; funcs: Map<string, FunctionDecl>; diagnostics: Diagnostic[]} {
	const vars = new Map<string, VariableDecl>();
	const funcs = new Map<string, FunctionDecl>();
	const diagnostics: Diagnostic[] = [];
	for (const b of blocks) {
		if (b.type !== 'variable' && b.type !== 'function') continue;
		const name = b.labels[0];
		if (b.labels.length !== 1 || name === undefined) {
			diagnostics.push(
				errorAt(
					b.labelRanges[1] ?? b.typeRange,
					b.labels.length === 0 ? `Missing name for ${b.type}` : `Extraneous label for ${b.type}`,
					b.labels.length === 0
						? `All ${b.type} blocks must have 1 labels (name).`
						: `Only 1 labels (name) are expected for ${b.type} blocks.`,
				),
			);
			continue;
		}
		const attr = (n: string) => b.body.attributes.find((a) => a.name === n);
		if (b.type === 'variable') {
			const validations = [];
			for (const vb of b.body.blocks) {
				if (vb.type !== 'validation') continue;
				const condition = vb.body.attributes.find((a) => a.name === 'condition');
				const errorMessage = vb.body.attributes.find((a) => a.name === 'error_message');
				for (const [n, a] of [['condition', condition]] as const) {
					if (!a) {
						const p = vb.body.range.start;
						diagnostics.push(
							errorAt(
								{file: vb.body.range.file, start: p, end: p},
								'Missing required argument',
								`The argument ${JSON.stringify(n)} is required, but no definition was found.`,
							),
						);
					}
				}
				if (condition) {
					validations.push({
						condition: condition.expr,
						...(errorMessage ? {errorMessage: errorMessage.expr} : {}),
					});
				}
			}
			const desc = attr('description');
			let description: string | undefined;
			if (desc) {
				// Decoded without an evaluation context: only a constant string is accepted.
				const r = evaluateExpr(desc.expr, new Scope({}));
				if (r.value?.kind === 'string') description = r.value.value;
				else diagnostics.push(...r.diagnostics);
			}
			if (reserved.has(name)) continue;
			const def = attr('default');
			const type = attr('type');
			vars.set(name, {
				name,
				block: b,
				validations,
				...(def ? {default: def} : {}),
				...(type ? {type} : {}),
				...(description !== undefined ? {description} : {}),
			});
		} else {
			if (reserved.has(name)) continue;
			const params = attr('params');
			const variadic = attr('variadic_params');
			const result = attr('result');
			funcs.set(name, {
				name,
				block: b,
				...(params ? {params} : {}),
				...(variadic ? {variadic} : {}),
				...(result ? {result} : {}),
			});
		}
	}
	return {vars, funcs, diagnostics};
}
