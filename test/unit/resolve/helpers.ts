// Hand-built raw configurations for resolver tests (what parseBakeFiles would return).
import type {RawConfig, RawGroup, RawTarget} from '../../../src/core/bake/config.js';

export function config(targets: RawTarget[], groups: RawGroup[] = []): RawConfig {
	return {
		targets,
		groups,
		targetOrigins: new Map(),
		groupOrigins: new Map(),
		variables: [],
		sources: new Map(),
	};
}
