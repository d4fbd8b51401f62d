// The evaluator's one view of the cty layer (src/core/cty) and the function caller: every
// import of those modules goes through here, so that an API change is fixed in one place.

export {convert, unifyTypes} from '../../cty/convert.js';
export {Num} from '../../cty/number.js';
export {typeFromExpr} from '../../cty/typeexpr.js';
export {typeFriendlyName, typeOf} from '../../cty/types.js';
export {callFunction} from '../../functions/call.js';

import * as ops from '../../cty/ops.js';

export {ops};
