// Watches bake files for changes. Editors often save by writing a new file and renaming it over
// the old one, which ends a watch on the file itself, so each file's directory is watched and
// events are matched by name. Bursts of events (write + rename + chmod) become one call.

import {type FSWatcher, watch} from 'node:fs';
import {basename, dirname, resolve} from 'node:path';

export interface Watcher {
	close(): void;
}

export function watchFiles(
	paths: readonly string[],
	onChange: (changed: readonly string[]) => void,
	options: {readonly cwd?: string; readonly debounceMs?: number} = {},
): Watcher {
	const debounceMs = options.debounceMs ?? 80;
	const byDir = new Map<string, Map<string, string>>();
	for (const p of paths) {
		const abs = resolve(options.cwd ?? process.cwd(), p);
		const names = byDir.get(dirname(abs)) ?? new Map<string, string>();
		names.set(basename(abs), p);
		byDir.set(dirname(abs), names);
	}
	const pending = new Set<string>();
	let timer: NodeJS.Timeout | undefined;
	const fire = (): void => {
		timer = undefined;
		const changed = [...pending];
		pending.clear();
		if (changed.length > 0) onChange(changed);
	};
	const watchers: FSWatcher[] = [];
	for (const [dir, names] of byDir) {
		try {
			const w = watch(dir, {persistent: false}, (_event, file) => {
				const name = file ? names.get(file.toString()) : undefined;
				if (name === undefined) return;
				pending.add(name);
				if (timer) clearTimeout(timer);
				timer = setTimeout(fire, debounceMs);
			});
			w.on('error', () => {
				// A deleted directory ends watching there; the last good tree stays.
			});
			watchers.push(w);
		} catch {
			// Unwatchable (e.g. missing) directory: live reload is a convenience.
		}
	}
	return {
		close() {
			if (timer) clearTimeout(timer);
			for (const w of watchers) w.close();
		},
	};
}
