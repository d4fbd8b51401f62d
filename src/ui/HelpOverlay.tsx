import {Box, Text} from 'ink';
import {helpSections} from '../core/app/keys.js';
import {Panel} from './Panel.js';
import {THEME} from './theme.js';

export function HelpOverlay({width, height}: {width: number; height: number}) {
	const sections = helpSections();
	const columns = width >= 90 ? 2 : 1;
	const per = Math.ceil(sections.length / columns);
	const colWidth = Math.floor((width - 2) / columns);
	return (
		<Panel width={width} height={height} color={THEME.focusBorder}>
			<Text bold color={THEME.accent}>
				{' Keys '}
				<Text color={THEME.dim}>(Esc or ? closes)</Text>
			</Text>
			<Box flexDirection="row">
				{Array.from({length: columns}, (_, c) => sections.slice(c * per, (c + 1) * per)).map(
					(column) => (
						<Box key={column[0]?.title ?? 'empty'} flexDirection="column" width={colWidth}>
							{column.map((s) => (
								<Box key={s.title} flexDirection="column" marginBottom={1}>
									<Text bold>{` ${s.title}`}</Text>
									{s.hints.map((h) => (
										<Text key={h.key + h.label} wrap="truncate">
											<Text color={THEME.accent}>{`   ${h.key.padEnd(12)}`}</Text>
											{h.label}
										</Text>
									))}
								</Box>
							))}
						</Box>
					),
				)}
			</Box>
		</Panel>
	);
}
