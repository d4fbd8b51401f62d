// `npm run bench`: runs every benchmark and prints one line per figure, with the goal it is
// measured against. Speed and memory goals live here, never in tests.
// Each bench module exports one async function returning its figures.

interface Figure {
	readonly name: string;
	readonly value: number;
	readonly unit: string;
	/** A goal such as "< 30" (same unit); printed next to the figure. */
	readonly goal?: string;
}

type Bench = () => Promise<readonly Figure[]>;

const BENCHES: Readonly<Record<string, () => Promise<Bench>>> = {
	parse: async () => (await import('./parse.bench.js')).benchParse,
	evaluate: async () => (await import('./evaluate.bench.js')).benchEvaluate,
	print: async () => (await import('./print.bench.js')).benchPrint,
	tui: async () => (await import('./tui.bench.js')).benchTui,
	ingest: async () => (await import('./ingest.bench.js')).benchIngest,
	complement: async () => (await import('./complement.bench.js')).benchComplement,
};

function format(f: Figure): string {
	const value = Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(2);
	const goal = f.goal ? `   (goal ${f.goal} ${f.unit})` : '';
	return `${f.name.padEnd(56)} ${value.padStart(12)} ${f.unit}${goal}`;
}

const only = process.argv.slice(2);
let failed = 0;
for (const [name, load] of Object.entries(BENCHES)) {
	if (only.length > 0 && !only.includes(name)) continue;
	try {
		const bench = await load();
		for (const figure of await bench()) console.log(format(figure));
	} catch (err) {
		failed++;
		console.log(`${name.padEnd(56)} failed: ${err instanceof Error ? err.message : String(err)}`);
	}
}
process.exitCode = failed ? 1 : 0;
