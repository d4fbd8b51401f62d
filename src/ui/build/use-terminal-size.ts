// Terminal size that follows resizes (Ink 6 has no useWindowSize).

import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export function useTerminalSize(): {columns: number; rows: number} {
	const {stdout} = useStdout();
	const read = () => ({columns: stdout.columns || 100, rows: stdout.rows || 30});
	const [size, setSize] = useState(read);
	// biome-ignore lint/correctness/useExhaustiveDependencies: read only uses stdout
	useEffect(() => {
		const onResize = () => setSize(read());
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
