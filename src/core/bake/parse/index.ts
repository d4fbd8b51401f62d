// Public API of bake's first layer (buildx bake.ParseFile(s) / hclparser.Parse).

export {parseJsonBakeFile} from './json-lower.js';
export type {JsonMember, JsonNode} from './json-scan.js';
export {scanJson} from './json-scan.js';
export {loadBakeFile} from './load-files.js';
export {parseBakeFiles} from './parse-files.js';
export {envLookupAllowed} from './variables.js';
