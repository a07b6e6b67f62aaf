import type { PiiMatch } from './pii-match.js';

/** One detector: appends every candidate it finds in `text` to `found` (overlaps are resolved later). */
export type PiiDetector = (text: string, found: PiiMatch[]) => void;
