// The frame: header, error banner, tree and side pane (or an overlay in their place), footer.
// Its height is one row less than the terminal's: Ink 6 clears the whole screen on every frame
// once the output is as tall as the terminal (flicker). It clips only vertically: every line is
// cut to the width before it is drawn, and Ink slices each line of a box that clips
// horizontally once more, character by character, on every frame.

import {Box, Text, useInput} from 'ink';
import {useMemo} from 'react';
import {bannerLines} from '../core/app/banner.js';
import {handleKey} from '../core/app/keys.js';
import {computeLayout, MIN_COLUMNS, MIN_ROWS} from '../core/app/layout.js';
import {AllowPrompt, BuildScreen, CommandScreen, ComplementScreen} from './build-action.js';
import {useApp, useAppStore} from './context.js';
import {ErrorBanner} from './ErrorBanner.js';
import {Footer} from './Footer.js';
import {Header} from './Header.js';
import {HelpOverlay} from './HelpOverlay.js';
import {keyNames} from './key-name.js';
import {SearchView} from './SearchView.js';
import {SidePane} from './SidePane.js';
import {TreePane} from './TreePane.js';
import {THEME} from './theme.js';
import {createViewKeys, ViewKeysContext} from './view-keys.js';

/** Modes whose view reads its own keys. */
function isViewMode(mode: string): boolean {
	return mode === 'build' || mode === 'complement';
}

export function App() {
	const store = useAppStore();
	const viewport = useApp((s) => s.viewport);
	const error = useApp((s) => s.error);
	const mode = useApp((s) => s.mode.kind);
	const status = useApp((s) => s.status);
	// The build and Complement views get their keys through viewKeys (src/ui/view-keys.tsx):
	// the ones typed before such a view has come up are kept for it, not lost.
	const viewKeys = useMemo(createViewKeys, []);
	useInput((input, key) => {
		if (isViewMode(store.getState().mode.kind)) {
			// Ctrl-C quits even while the view is still coming up (a build that never starts).
			if (key.ctrl && input === 'c' && !viewKeys.ready()) handleKey(store.getState(), 'ctrl-c');
			else viewKeys.dispatch(input, key);
			return;
		}
		viewKeys.clear();
		// Typed text can come as one chunk ("bq"): a key that opens a view hands it the rest.
		const names = keyNames(input, key);
		const chars = names.length > 1 ? [...input] : undefined;
		for (let i = 0; i < names.length; i++) {
			if (isViewMode(store.getState().mode.kind)) {
				for (const ch of chars?.slice(i) ?? []) viewKeys.dispatch(ch, key);
				return;
			}
			handleKey(store.getState(), names[i] as string);
		}
	});
	if (isViewMode(mode)) {
		return (
			<ViewKeysContext.Provider value={viewKeys}>
				{mode === 'build' ? (
					<BuildScreen columns={viewport.columns} rows={viewport.rows} />
				) : (
					<ComplementScreen />
				)}
			</ViewKeysContext.Provider>
		);
	}
	const layout = computeLayout(viewport, bannerLines(error).length);
	if (layout.tooSmall) {
		return (
			<Box height={layout.height} width={layout.width} flexDirection="column" overflowY="hidden">
				<Text color={THEME.warn} wrap="truncate">
					{`Terminal too small (${viewport.columns}×${viewport.rows}); baketree needs ${MIN_COLUMNS}×${MIN_ROWS}.`}
				</Text>
				<Text color={THEME.dim}>q quits</Text>
			</Box>
		);
	}
	const bodyHeight = layout.height - 2 - layout.bannerHeight;
	let body: React.ReactNode;
	if (status === 'failed') {
		body = (
			<Box height={bodyHeight} flexDirection="column" paddingX={1}>
				<Text color={THEME.dim}>
					No tree to show yet: fix the error above (the file is watched) or press q.
				</Text>
			</Box>
		);
	} else if (mode === 'help') {
		body = <HelpOverlay width={layout.width} height={bodyHeight} />;
	} else if (mode === 'command') {
		body = <CommandScreen width={layout.width} height={bodyHeight} />;
	} else if (mode === 'allow') {
		body = <AllowPrompt width={layout.width} height={bodyHeight} />;
	} else {
		const left =
			mode === 'search' ? (
				<SearchView width={layout.treeWidth} height={layout.treeBoxHeight} />
			) : (
				<TreePane
					width={layout.treeWidth}
					height={layout.treeBoxHeight}
					rowsVisible={layout.treeRows}
				/>
			);
		body = (
			<Box flexDirection={layout.side === 'right' ? 'row' : 'column'} height={bodyHeight}>
				{left}
				<SidePane
					width={layout.sideWidth}
					height={layout.sideBoxHeight}
					rowsVisible={layout.sideRows}
				/>
			</Box>
		);
	}
	return (
		<Box height={layout.height} width={layout.width} flexDirection="column" overflowY="hidden">
			<Header width={layout.width} />
			<ErrorBanner width={layout.width} height={layout.bannerHeight} />
			{body}
			<Footer width={layout.width} />
		</Box>
	);
}
