import { nonProductionEnvironment, productionEnvironment, publicInfrastructure } from './risk-vocabulary.js';

export type EnvironmentScope = 'production' | 'non-production' | 'unscoped';

const production = new RegExp(productionEnvironment);
const nonProduction = new RegExp(nonProductionEnvironment);
const publicFacing = new RegExp(publicInfrastructure);
/** "staging, not production", "instead of prod": the named environment is excluded. */
const excludedProduction =
  /\b(?:not|never|except|excluding|instead of|rather than|avoid|outside of|other than)\s+(?:(?:on|in|to|into|the|our)\s+){0,2}(?:prod|production|live)\b/g;

function scopeOf(text: string): EnvironmentScope {
  const withoutExcluded = text.includes('prod') || text.includes('live') ? text.replace(excludedProduction, ' ') : text;
  if (production.test(withoutExcluded)) return 'production';
  if (nonProduction.test(withoutExcluded)) return 'non-production';
  return 'unscoped';
}

/**
 * Which environment an action targets: the clause's own words first, then the whole request;
 * public-facing infrastructure (DNS, load balancers, domains) is production when nothing says otherwise.
 */
export function environmentScope(clause: string, actionText: string): EnvironmentScope {
  const own = scopeOf(clause);
  if (own !== 'unscoped') return own;
  const whole = scopeOf(actionText);
  if (whole !== 'unscoped') return whole;
  return publicFacing.test(clause) ? 'production' : 'unscoped';
}
