// Colours in one place, so the panes agree (and a future light theme has one file to change).
export const THEME = {
	accent: 'cyan',
	block: 'cyan',
	selected: 'green',
	warn: 'yellow',
	error: 'red',
	dim: 'gray',
	focusBorder: 'cyan',
	border: 'gray',
	cursorBg: 'blue',
} as const;

/** Cuts a line to `width` cells (one cell per code point; the tree uses no wide glyphs). */
export function clip(text: string, width: number): string {
	if (width <= 0) return '';
	const chars = [...text];
	if (chars.length <= width) return text;
	return `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** First row of a window of `visible` rows that keeps `cursor` in view, centred when scrolling. */
export function windowStart(cursor: number, visible: number, total: number): number {
	if (total <= visible) return 0;
	return Math.max(0, Math.min(cursor - Math.floor(visible / 2), total - visible));
}
