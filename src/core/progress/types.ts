// The JSON of one `--progress=rawjson` line: buildkit's client.SolveStatus as encoding/json
// writes it (json tags verbatim, omitempty fields absent, []byte as base64, times RFC3339Nano).

export interface ProgressGroup {
	readonly id?: string;
	readonly name?: string;
	readonly weak?: boolean;
}

export interface VertexMsg {
	readonly digest?: string;
	readonly inputs?: readonly string[];
	readonly name?: string;
	readonly started?: string;
	readonly completed?: string;
	readonly cached?: boolean;
	readonly error?: string;
	readonly progressGroup?: ProgressGroup;
}

export interface VertexStatusMsg {
	readonly id: string;
	readonly vertex?: string;
	readonly name?: string;
	readonly total?: number;
	readonly current: number;
	readonly timestamp: string;
	readonly started?: string;
	readonly completed?: string;
}

export interface VertexLogMsg {
	readonly vertex?: string;
	readonly stream?: number;
	/** base64 of raw bytes; not line-aligned. */
	readonly data: string;
	readonly timestamp: string;
}

export interface VertexWarningMsg {
	readonly vertex?: string;
	readonly level?: number;
	/** base64 */
	readonly short?: string;
	/** base64 each */
	readonly detail?: readonly string[];
	readonly url?: string;
}

export interface SolveStatus {
	readonly vertexes?: readonly VertexMsg[];
	readonly statuses?: readonly VertexStatusMsg[];
	readonly logs?: readonly VertexLogMsg[];
	readonly warnings?: readonly VertexWarningMsg[];
}
