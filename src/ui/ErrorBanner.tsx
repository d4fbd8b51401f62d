import {Box, Text} from 'ink';
import {bannerLines} from '../core/app/banner.js';
import {useApp} from './context.js';
import {clip, THEME} from './theme.js';

/** The positioned error over the last good tree (a broken edit or a bad variable value). */
export function ErrorBanner({width, height}: {width: number; height: number}) {
	const error = useApp((s) => s.error);
	const hasTree = useApp((s) => s.tree !== null);
	const lines = bannerLines(error);
	if (lines.length === 0 || height <= 0) return null;
	const shown = lines.slice(0, height);
	if (hasTree && shown.length > 0) shown[0] = `${shown[0]}   (showing the last good tree)`;
	return (
		<Box flexDirection="column" height={height}>
			{shown
				.map((l, i) => ({l, i}))
				.map(({l, i}) => (
					<Text key={`${i}:${l}`} color={THEME.error} bold={i === 0} wrap="truncate">
						{clip(l.replace(/\t/g, '  '), width)}
					</Text>
				))}
		</Box>
	);
}
