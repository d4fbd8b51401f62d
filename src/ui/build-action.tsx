// What `b`, `B` and `C` show over the tree: the live build view (src/ui/build) and the
// Complement view (src/ui/complement) in place of the explorer, the y/n question for the
// entitlements a build asks for, and the exact command a build of the selection runs.

import {Text} from 'ink';
import {buildCommand, commandLine, shellQuote} from '../core/app/build-command.js';
import {closureOfAll} from '../core/build/plan.js';
import {BuildView} from './build/build-view.js';
import {ComplementView} from './complement/ComplementView.js';
import {useApp, useAppStore} from './context.js';
import {Panel} from './Panel.js';
import {THEME} from './theme.js';

/** The live build started with `b`; `q` returns to the tree. */
export function BuildScreen({columns, rows}: {columns: number; rows: number}) {
	const build = useApp((s) => s.build);
	const close = useApp((s) => s.closeBuild);
	if (!build) return null;
	return <BuildView store={build.store} onExit={close} size={{columns, rows}} />;
}

/** The Complement run started with `C`; `q` returns to the tree. */
export function ComplementScreen() {
	const run = useApp((s) => s.complement);
	const close = useApp((s) => s.closeComplement);
	if (!run) return null;
	return <ComplementView store={run.store} onExit={close} />;
}

/** buildx asks before granting entitlements; so do we. */
export function AllowPrompt({width, height}: {width: number; height: number}) {
	const mode = useApp((s) => s.mode);
	const request = useAppStore().getState().buildRequest();
	const entitlements = mode.kind === 'allow' ? mode.entitlements : [];
	return (
		<Panel width={width} height={height} color={THEME.warn} padded>
			<Text bold color={THEME.warn}>
				Your build requests additional privileges:
			</Text>
			{entitlements.map((e) => (
				<Text key={e}>{` - ${e}`}</Text>
			))}
			<Text> </Text>
			<Text color={THEME.dim} wrap="wrap">
				{`Building ${request.targets.join(' ')} passes ${entitlements.map((e) => `--allow=${e}`).join(' ')} to buildx.`}
			</Text>
			<Text bold>Allow? [y/N]</Text>
		</Panel>
	);
}

/** `B`: the command and environment a build of the selection runs. */
export function CommandScreen({width, height}: {width: number; height: number}) {
	const store = useAppStore();
	const graph = useApp((s) => s.tree?.graph);
	const selected = useApp((s) => s.summary.selected);
	const request = store.getState().buildRequest();
	const cmd = buildCommand(request);
	const closure = graph ? closureOfAll(graph, request.targets).length : 0;
	const envLines = Object.entries(cmd.env).map(([k, v]) => `${k}=${shellQuote(v)}`);
	return (
		<Panel width={width} height={height} color={THEME.focusBorder} padded>
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
		</Panel>
	);
}
