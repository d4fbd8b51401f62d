// `docker buildx ls` (table format): one line per builder ("name[*]  driver") followed by its
// nodes (" \_ node  \_ endpoint  status  buildkit  platforms"). The current builder has `*`.

export interface BuilderNode {
	readonly name: string;
	readonly endpoint: string;
	readonly status: string;
	readonly buildkit: string;
	readonly platforms: string;
}

export interface Builder {
	readonly name: string;
	readonly driver: string;
	readonly current: boolean;
	readonly nodes: BuilderNode[];
}

const NODE_MARK = /^\s*\\_\s+/;

export function parseBuildxLs(text: string): Builder[] {
	const builders: Builder[] = [];
	for (const line of text.split('\n')) {
		if (line.trim() === '' || line.startsWith('NAME/NODE')) continue;
		if (NODE_MARK.test(line)) {
			const cols = line
				.replace(NODE_MARK, '')
				.split(/\s{2,}/)
				.map((c) => c.replace(/^\\_\s+/, '').trim());
			const owner = builders[builders.length - 1];
			owner?.nodes.push({
				name: cols[0] ?? '',
				endpoint: cols[1] ?? '',
				status: cols[2] ?? '',
				buildkit: cols[3] ?? '',
				platforms: cols.slice(4).join('  '),
			});
			continue;
		}
		const cols = line.trim().split(/\s{2,}|\s+(?=\*)/);
		let name = cols[0] ?? '';
		let current = false;
		// "elated_tesla*" (buildx >= 0.13) or "default *" (older).
		if (name.endsWith('*')) {
			name = name.slice(0, -1).trim();
			current = true;
		}
		let rest = cols.slice(1);
		if (rest[0] === '*') {
			current = true;
			rest = rest.slice(1);
		}
		builders.push({name, driver: (rest[0] ?? '').split(/\s+/)[0] ?? '', current, nodes: []});
	}
	return builders;
}
