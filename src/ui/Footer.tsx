import {Text} from 'ink';
import {keyHints} from '../core/app/keys.js';
import {useApp} from './context.js';
import {clip, THEME} from './theme.js';

export function Footer({width}: {width: number}) {
	const focus = useApp((s) => s.focus);
	const mode = useApp((s) => s.mode);
	const message = useApp((s) => s.message);
	if (message) {
		return (
			<Text color={THEME.warn} wrap="truncate">
				{clip(` ${message}`, width)}
			</Text>
		);
	}
	let used = 0;
	const parts: {key: string; label: string}[] = [];
	for (const h of keyHints({focus, mode})) {
		const len = h.key.length + h.label.length + 3;
		if (used + len > width - 1) break;
		used += len;
		parts.push(h);
	}
	return (
		<Text wrap="truncate">
			{parts.map((h) => (
				<Text key={h.key + h.label}>
					{' '}
					<Text bold color={THEME.accent}>
						{h.key}
					</Text>
					<Text color={THEME.dim}>{` ${h.label} `}</Text>
				</Text>
			))}
		</Text>
	);
}
