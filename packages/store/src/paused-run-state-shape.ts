import type { PausedRunState } from '@dax/core';
import type { StoredShape } from './parse-stored.js';

/** Accepts what the engine wrote for a paused run: an object with `version: 1`. */
export const pausedRunStateShape: StoredShape<PausedRunState> = {
  safeParse(value) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const candidate = value as { version?: unknown };
      if (candidate.version === 1) return { success: true, data: value as PausedRunState };
    }
    return { success: false, error: new TypeError('Paused run state must be an object with version 1.') };
  },
};
