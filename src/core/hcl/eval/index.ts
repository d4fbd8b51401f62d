// Public API of the HCL expression evaluator.

export {EXPRESSION_FUNCTIONS} from './calls.js';
export {hclDiagnosticsString, hclRangeString} from './errors.js';
export type {EvalResult} from './evaluate.js';
export {evaluate, evaluateExpr} from './evaluate.js';
export type {LazyResolver} from './scope.js';
export {Scope} from './scope.js';
export {getAttr, index} from './traversal.js';
export type {UserFunctionSpec} from './user-functions.js';
export {exprAsKeyword, makeUserFunction, UserFunctionError} from './user-functions.js';
export {functionCalls, referencedTraversals} from './walk.js';
