// A small Dockerfile reader for static checks: stages (FROM ... AS name), ARGs (global and
// per stage, with or without default), and the names read through COPY --from / RUN --mount
// from=, each with its line and column. Continuations and heredocs are followed; everything
// else is ignored.

export interface DfPos {
	readonly line: number;
	readonly col: number;
}

export interface DfArg extends DfPos {
	readonly name: string;
	readonly hasDefault: boolean;
}

export interface DfRef extends DfPos {
	readonly name: string;
	readonly kind: 'from' | 'copy' | 'mount';
}

export interface DfStage extends DfPos {
	/** `AS` name, lower-cased as BuildKit compares them; undefined for unnamed stages. */
	readonly name?: string;
	readonly index: number;
	/** The FROM base, as written. */
	readonly base: DfRef;
	readonly args: DfArg[];
	readonly refs: DfRef[];
}

export interface Dockerfile {
	readonly globalArgs: readonly DfArg[];
	readonly stages: readonly DfStage[];
}

interface Instruction {
	readonly line: number;
	readonly text: string;
}

function instructions(text: string): Instruction[] {
	const lines = text.split(/\r?\n/);
	const out: Instruction[] = [];
	let i = 0;
	while (i < lines.length) {
		const first = lines[i] as string;
		const start = i + 1;
		i++;
		if (/^\s*(#|$)/.test(first)) continue;
		let joined = first;
		while (/\\\s*$/.test(joined) && i < lines.length) {
			joined = joined.replace(/\\\s*$/, ' ');
			const next = lines[i] as string;
			i++;
			if (/^\s*#/.test(next)) continue;
			joined += next;
		}
		// Heredocs (`<<EOF`, `<<-EOF`, quoted): skip their bodies.
		for (const m of joined.matchAll(/<<-?(["']?)([A-Za-z_][\w]*)\1/g)) {
			const word = m[2] as string;
			while (i < lines.length && (lines[i] as string).trim() !== word) i++;
			i++;
		}
		out.push({line: start, text: joined});
	}
	return out;
}

export function parseDockerfile(text: string): Dockerfile {
	const globalArgs: DfArg[] = [];
	const stages: DfStage[] = [];
	for (const ins of instructions(text)) {
		const m = /^(\s*)(\S+)\s*(.*)$/.exec(ins.text);
		if (!m) continue;
		const indent = (m[1] as string).length;
		const cmd = (m[2] as string).toUpperCase();
		const rest = m[3] as string;
		// 1-based column of rest[0] (continuation lines make later columns approximate).
		const restCol = ins.text.length - rest.length + 1;
		const current = stages[stages.length - 1];
		if (cmd === 'FROM') {
			const words = rest.split(/\s+/).filter((w) => w !== '');
			const image = words.find((w) => !w.startsWith('--')) ?? '';
			const asAt = words.findIndex((w) => w.toUpperCase() === 'AS');
			const name = asAt >= 0 ? words[asAt + 1]?.toLowerCase() : undefined;
			const base: DfRef = {
				name: image,
				kind: 'from',
				line: ins.line,
				col: restCol + rest.indexOf(image),
			};
			const stage: DfStage = {
				index: stages.length,
				base,
				args: [],
				refs: [],
				line: ins.line,
				col: indent + 1,
				...(name ? {name} : {}),
			};
			stages.push(stage);
		} else if (cmd === 'ARG') {
			for (const w of rest.matchAll(/(?:^|\s)([A-Za-z_][\w]*)(=?)/g)) {
				const arg: DfArg = {
					name: w[1] as string,
					hasDefault: w[2] === '=',
					line: ins.line,
					col:
						restCol +
						(w.index ?? 0) +
						(w[0].length - (w[1] as string).length - (w[2] as string).length),
				};
				(current ? current.args : globalArgs).push(arg);
			}
		} else if (current && (cmd === 'COPY' || cmd === 'ADD')) {
			const f = /--from=(\S+)/.exec(rest);
			if (f)
				current.refs.push({
					name: f[1] as string,
					kind: 'copy',
					line: ins.line,
					col: restCol + f.index + 7,
				});
		} else if (current && cmd === 'RUN') {
			for (const mount of rest.matchAll(/--mount=(\S+)/g)) {
				const from = /(?:^|,)from=([^,\s]+)/.exec(mount[1] as string);
				if (from)
					current.refs.push({
						name: from[1] as string,
						kind: 'mount',
						line: ins.line,
						col:
							restCol + (mount.index ?? 0) + 8 + from.index + (from[0].startsWith(',') ? 1 : 0) + 5,
					});
			}
		}
	}
	return {globalArgs, stages};
}
