// What `b`, `B` and `C` show over the tree: the live build view (src/ui/build) and the
// Complement view (src/ui/complement) in place of the explorer, the y/n question for the
// entitlements a build asks for, and the exact command a build of the selection runs.
// The two views load when first opened: starting the explorer does not pay for them.

import {Text} from 'ink';
import {lazy, Suspense} from 'react';
import {buildCommand, commandLine, dockerCommand, shellQuote} from '../core/app/build-command.js';
import {closureOfAll} from '../core/build/plan.js';
import {useApp, useAppStore} from './context.js';
import {Panel} from './Panel.js';
import {THEME} from './theme.js';

const BuildView = lazy(async () => ({
	default: (await import('./build/build-view.js')).BuildView,
}));
const ComplementView = lazy(async () => ({
	default: (await import('./complement/ComplementView.js')).ComplementView,
}));

const opening = <Text color={THEME.dim}>opening…</Text>;

/** The live build started with `b`; `q` returns to the tree. */
export function BuildScreen({columns, rows}: {columns: number; rows: number}) {
	const build = useApp((s) => s.build);
	const close = useApp((s) => s.closeBuild);
	// The build is starting: its view is up already (src/core/app/actions/launch.ts).
	if (!build) return opening;
	return (
		<Suspense fallback={opening}>
			<BuildView store={build.store} onExit={close} size={{columns, rows}} />
		</Suspense>
	);
}

/** The Complement run started with `C`; `q` returns to the tree. */
export function ComplementScreen() {
	const run = useApp((s) => s.complement);
	const close = useApp((s) => s.closeComplement);
	if (!run) return opening;
	return (
		<Suspense fallback={opening}>
			<ComplementView store={run.store} onExit={close} />
		</Suspense>
	);
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
	const env = useApp((s) => s.options.env);
	const request = store.getState().buildRequest();
	const cmd = buildCommand(request, dockerCommand(env));
	const closure = graph ? closureOfAll(graph, request.targets).length : 0;
	const envLines = Object.entries(cmd.env).map(([k, v]) => `${k}=${shellQuote(v)}`);
	return (
		<Panel width={width} height={height} color={THEME.focusBorder} padded>
			<Text bold color={THEME.accent}>
				Build {request.targets.length} target{request.targets.length === 1 ? '' : 's'}
				<Text color={THEME.dim}>
					{` (${selected ? 'the selection' : 'the row under the cursor'}; a build runs ${closure} target${closure === 1 ? '' : 's'} with their inputs)`}
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
			<Text color={THEME.dim} wrap="wrap">
				{`${request.allow.length > 0 ? `b asks before it grants ${request.allow.join(', ')}. ` : ''}Each run adds --metadata-file <run folder>/metadata.json.`}
			</Text>
		</Panel>
	);
}
