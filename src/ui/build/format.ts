// Small text helpers for the build view: icons, timers, byte counts, fitting text to a width.

import type {RowStatus} from '../../core/progress/rows.js';
import type {StepStatus} from '../../core/progress/step.js';

export const ROW_ICON: Record<RowStatus, string> = {
	running: '●',
	waiting: '○',
	failed: '✗',
	canceled: '⊘',
	incomplete: '…',
	succeeded: '✓',
	cached: '⊙',
};

export const ROW_COLOR: Record<RowStatus, string | undefined> = {
	running: 'cyan',
	waiting: undefined,
	failed: 'red',
	canceled: 'yellow',
	incomplete: 'yellow',
	succeeded: 'green',
	cached: 'magenta',
};

export const STEP_LABEL: Record<StepStatus, string> = {
	waiting: '   ',
	running: ' ● ',
	done: ' ✓ ',
	cached: 'CACHED ',
	failed: 'ERROR ',
	canceled: 'CANCELED ',
};

export function seconds(ms: number): string {
	return `${(Math.max(0, ms) / 1000).toFixed(1)}s`;
}

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/** Decimal units as buildx prints them (go-units HumanSize: 3.80MB). */
export function bytes(n: number): string {
	let v = n;
	let i = 0;
	while (v >= 1000 && i < UNITS.length - 1) {
		v /= 1000;
		i++;
	}
	return i === 0 ? `${v}B` : `${v.toFixed(2)}${UNITS[i]}`;
}

/** Cuts plain text to `width` columns (one column per code point; good enough for logs). */
export function clip(text: string, width: number): string {
	if (width <= 0) return '';
	const chars = Array.from(text);
	if (chars.length <= width) return text;
	return `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** Cuts a line that may hold SGR sequences to `width` visible columns, closing colours. */
export function fitSgr(text: string, width: number): string {
	if (!text.includes('\x1b')) return clip(text, width);
	let out = '';
	let visible = 0;
	let i = 0;
	while (i < text.length) {
		if (text.charCodeAt(i) === 27) {
			const end = text.indexOf('m', i);
			if (end < 0) break;
			out += text.slice(i, end + 1);
			i = end + 1;
			continue;
		}
		const cp = text.codePointAt(i) as number;
		const ch = String.fromCodePoint(cp);
		if (visible >= width) break;
		out += ch;
		visible++;
		i += ch.length;
	}
	return `${out}\x1b[0m`;
}
