// The one place that decides what `b` shows. Until the build view (src/ui/build/) is wired in,
// it shows the exact command and environment a build of the selection would run; the lead
// swaps this component's body for the BuildView, fed by `store.buildRequest()`.

import {Box, Text} from 'ink';
import {buildCommand, commandLine, shellQuote} from '../core/app/build-command.js';
import {closureOf} from '../core/app/closure.js';
import {useApp, useAppStore} from './context.js';
import {THEME} from './theme.js';

export function BuildScreen({width, height}: {width: number; height: number}) {
	const store = useAppStore();
	const graph = useApp((s) => s.tree?.graph);
	const selected = useApp((s) => s.summary.selected);
	const request = store.getState().buildRequest();
	const cmd = buildCommand(request);
	const closure = graph ? closureOf(graph, request.targets).size : 0;
	const envLines = Object.entries(cmd.env).map(([k, v]) => `${k}=${shellQuote(v)}`);
	return (
		<Box
			flexDirection="column"
			width={width}
			height={height}
			borderStyle="round"
			borderColor={THEME.focusBorder}
			overflow="hidden"
			paddingX={1}
		>
			<Text bold color={THEME.accent}>
				Build {request.targets.length} target{request.targets.length === 1 ? '' : 's'}
				<Text color={THEME.dim}>
					{` (${selected ? 'the selection' : 'the row under the cursor'}; a build runs ${closure} targets with their inputs)`}
				</Text>
			</Text>
			<Text> </Text>
			<Text bold>Command</Text>
			<Text wrap="wrap">{cmd.argv.map(shellQuote).join(' ')}</Text>
			<Text> </Text>
			<Text bold>Environment</Text>
			{envLines.length === 0 ? <Text color={THEME.dim}>(no variables changed)</Text> : null}
			{envLines.map((l) => (
				<Text key={l} wrap="truncate">
					{l}
				</Text>
			))}
			<Text> </Text>
			<Text color={THEME.dim} wrap="wrap">
				{`As one line: ${commandLine(cmd)}`}
			</Text>
		</Box>
	);
}
