// Screen geometry, shared by the store (scrolling, paging) and the components (drawing), so
// both agree on how many tree rows fit. Ink 6 clears the whole screen on every frame once the
// output is as tall as the terminal, so the frame is always one row shorter than the terminal.

export interface Viewport {
	readonly columns: number;
	readonly rows: number;
}

export interface Layout {
	readonly tooSmall: boolean;
	/** Total frame height (terminal rows - 1). */
	readonly height: number;
	readonly width: number;
	readonly bannerHeight: number;
	/** Side pane to the right (wide) or below the tree (narrow). */
	readonly side: 'right' | 'below';
	readonly treeWidth: number;
	/** Outer height of the tree box (borders included). */
	readonly treeBoxHeight: number;
	/** How many tree rows are drawn. */
	readonly treeRows: number;
	readonly sideWidth: number;
	readonly sideBoxHeight: number;
	/** Lines inside the side pane (borders and tab line excluded). */
	readonly sideRows: number;
}

export const MIN_COLUMNS = 40;
export const MIN_ROWS = 10;
const HEADER = 1;
const FOOTER = 1;

export function computeLayout(vp: Viewport, bannerLines: number): Layout {
	const height = Math.max(1, vp.rows - 1);
	const width = Math.max(1, vp.columns);
	const tooSmall = vp.columns < MIN_COLUMNS || vp.rows < MIN_ROWS;
	const bannerHeight =
		bannerLines > 0 ? Math.min(bannerLines, Math.max(2, Math.floor(height / 4))) : 0;
	const body = Math.max(3, height - HEADER - FOOTER - bannerHeight);
	if (width >= 100) {
		const sideWidth = Math.min(64, Math.floor(width * 0.42));
		return {
			tooSmall,
			height,
			width,
			bannerHeight,
			side: 'right',
			treeWidth: width - sideWidth,
			treeBoxHeight: body,
			treeRows: Math.max(1, body - 2),
			sideWidth,
			sideBoxHeight: body,
			sideRows: Math.max(1, body - 3),
		};
	}
	const sideBoxHeight = Math.max(5, Math.floor(body * 0.45));
	const treeBoxHeight = Math.max(3, body - sideBoxHeight);
	return {
		tooSmall,
		height,
		width,
		bannerHeight,
		side: 'below',
		treeWidth: width,
		treeBoxHeight,
		treeRows: Math.max(1, treeBoxHeight - 2),
		sideWidth: width,
		sideBoxHeight,
		sideRows: Math.max(1, sideBoxHeight - 3),
	};
}

/** Keeps the cursor inside the window, with a margin of context rows where possible. */
export function scrollFor(cursor: number, scroll: number, visible: number, total: number): number {
	const margin = Math.min(2, Math.floor((visible - 1) / 2));
	let s = scroll;
	if (cursor < s + margin) s = cursor - margin;
	if (cursor > s + visible - 1 - margin) s = cursor - visible + 1 + margin;
	return Math.max(0, Math.min(s, Math.max(0, total - visible)));
}
