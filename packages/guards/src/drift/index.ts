export { extractAnchor } from './extract-anchor.js';
export { checkDrift } from './check-drift.js';
export { describeDrift } from './describe-drift.js';
export { maskEntityValue } from './mask-entity-value.js';
