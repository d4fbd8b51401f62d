import {describe, expect, it} from 'vitest';
import {closure, dependentsClosure, filterByVector} from '../../../src/core/graph/queries.js';
import {loadTree} from '../../../src/core/tree.js';
import {renderTree} from '../../../src/core/tree-text.js';

const HCL = `
target "system" {}
target "base" {
  contexts = { input = "target:system" }
}
target "kitchen" {
  name = "kitchen-\${f}"
  matrix = { f = ["all", "none"] }
  inherits = ["base"]
  contexts = { input = "target:base" }
}
target "app" {
  name = "app-\${f}"
  matrix = { f = ["all", "none"] }
  inherits = ["kitchen-\${f}"]
  contexts = { src = "target:system" }
}
target "leaf" {
  contexts = { k = "target:kitchen-none" }
}
target "a" {
  contexts = { x = "target:b" }
}
target "b" {
  contexts = { y = "target:a", z = "target:gone" }
}
`;

describe('buildGraph via loadTree', () => {
	const tree = loadTree({files: [{name: 'docker-bake.hcl', content: HCL}]});
	const g = tree.graph;

	it('takes edges from contexts after inherits are merged', () => {
		// `input` comes only through inherits (kitchen's), `src` is app's own.
		expect([...(g.nodes.get('app-all')?.inputs ?? [])]).toEqual([
			['input', 'base'],
			['src', 'system'],
		]);
		expect(g.nodes.get('app-none')?.depth).toBe(2);
		expect(g.nodes.get('leaf')?.depth).toBe(3);
		expect(g.nodes.get('system')?.dependents).toEqual(['app-all', 'app-none', 'base']);
	});

	it('groups instances by block with their vectors and axes', () => {
		expect(g.blocks.get('kitchen')?.instances).toEqual(['kitchen-all', 'kitchen-none']);
		expect(g.nodes.get('kitchen-none')?.vector.get('f')).toBe('none');
		expect(g.axes).toEqual([{name: 'f', values: ['all', 'none'], blocks: ['kitchen', 'app']}]);
	});

	it('finds roots, leaves, cycles and dangling links', () => {
		expect(g.roots).toEqual(['system']);
		expect(g.leaves).toEqual(['kitchen-all', 'app-all', 'app-none', 'leaf']);
		expect(g.cycles).toHaveLength(1);
		expect([...(g.cycles[0] ?? [])].sort()).toEqual(['a', 'a', 'b']);
		expect(g.dangling).toEqual([['b', 'z', 'gone']]);
	});

	it('answers closure, dependents and vector filters', () => {
		expect(closure(g, 'leaf').sort()).toEqual(['base', 'kitchen-none', 'leaf', 'system']);
		expect(dependentsClosure(g, 'kitchen-none').sort()).toEqual(['kitchen-none', 'leaf']);
		const sel = new Map([['f', new Set(['none'])]]);
		expect(filterByVector(g, sel)).not.toContain('app-all');
		expect(filterByVector(g, sel)).toContain('system');
	});

	it('draws the root at the bottom, blocks collapsed with counts', () => {
		const lines = renderTree(g, {only: new Set([...closure(g, 'app-all'), ...closure(g, 'leaf')])});
		expect(lines[lines.length - 1]).toBe('system');
		expect(lines.some((l) => l.includes('app ×2') && l.includes('[src=system]'))).toBe(true);
		expect(lines.findIndex((l) => l.includes('kitchen ×2'))).toBeLessThan(
			lines.findIndex((l) => l.includes('base')),
		);
	});
});
