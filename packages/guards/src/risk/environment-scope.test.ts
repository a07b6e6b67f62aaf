import { describe, expect, it } from 'vitest';
import { environmentScope } from './environment-scope.js';

describe('environmentScope', () => {
  it('reads production, non-production and unstated environments', () => {
    expect(environmentScope('restart the prod api', '')).toBe('production');
    expect(environmentScope('restart the api in staging', '')).toBe('non-production');
    expect(environmentScope('restart the api', '')).toBe('unscoped');
  });

  it('uses the whole request when the clause names no environment', () => {
    expect(environmentScope('restart it', 'log in to production | restart it')).toBe('production');
  });

  it('ignores an excluded production and treats public DNS as production', () => {
    expect(environmentScope('deploy to staging, not production', '')).toBe('non-production');
    expect(environmentScope('change the cname record for api.example.com', '')).toBe('production');
  });
});
