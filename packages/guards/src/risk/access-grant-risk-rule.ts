import type { RiskFinding } from './risk-finding.js';
import type { RiskRule } from './risk-rule.js';
import { verbAt } from './risk-vocabulary.js';

const grants = new RegExp(
  `${verbAt('grant|grants|granting|give|gives|giving|add|adds|adding|assign|assigning|promote|promoting|elevate|elevating|escalate|provide|make|invite|enable|upgrade|set|put|transfer ownership|hand over|delegate|share|extend|allow|authori[sz]e|whitelist|allowlist|onboard|issue|create|set up|provision')}\\b`,
);
const elevated = new RegExp(
  [
    "\\b(?:admin|administrator|administrative|root|sudo|superuser|super-user|super admin|owner|org owner|organi[sz]ation owner|elevated|privileged|full|write|production|prod|domain admin|global admin|billing admin|break-glass|unrestricted|maintainer|owner-level|admin-level|god-mode|power user|tenant admin|workspace admin)\\s+(?:access|role|roles|rights|privileges|permissions?|perms|level|status|account|accounts|group|membership|credentials)\\b",
    '\\b[a-z-]*admins\\b',
    '\\baccess to (?:the\\s+)?(?:[a-z0-9-]+\\s+){0,2}?(?:production|prod|live)\\b',
    '\\b(?:as|an|a|to|into)\\s+(?:an?\\s+)?(?:(?!(?:the|our|my|your|their|his|her|its|this|that)\\b)[a-z0-9]+[- ])?(?:org\\s+|organi[sz]ation\\s+|workspace\\s+|tenant\\s+|global\\s+|super\\s+|domain\\s+|project\\s+|repo\\s+|account\\s+)?(?:admin|administrator|owner|superuser|root|maintainer|global admin)s?\\b',
    '\\bsudo(?:ers)?\\b|\\broot access\\b|\\bfull control\\b|\\ball permissions\\b|\\bgod mode\\b|\\badministratoraccess\\b|\\bownership\\b|\\bowner role\\b|\\b(?:admin|root|sudo|superuser|owner)\\b(?=\\s+(?:on|to|for|in|over)\\b)',
  ].join('|'),
);
const accessObject =
  /\b(?:access|permissions?|perms|role|roles|rights|privileges|membership|(?:security|user|ad|ldap|iam|google|okta|github|slack) groups?|group|seats?|licen[cs]es?|keys? to|login|credentials|vpn access|workspaces?|read-only|(?:read|write|edit|view|comment)(?:er)? access|as an? (?:viewer|editor|member|guest|collaborator|contributor|commenter|user))\b/;
/** Cheap test for any access word before the detailed patterns run. */
const mentionsAccess =
  /access|permission|perm|role|right|privilege|member|group|seat|licen|login|credential|admin|root|sudo|super|owner|elevat|full|write|control|god|maintainer|power|workspace|viewer|editor|read|guest|collaborat|contribut|comment/;
const manyPeople =
  /\b(?:all|every|each)\s+(?:of\s+)?(?:the\s+|our\s+)?(?:[a-z-]+\s+)?(?:users?|employees?|members?|staff|accounts?|contractors?|people|engineers?|developers?|interns?|guests?|contributors?|students?|customers?|teams?|vendors?|partners?|new hires?|collaborators?)\b|\beveryone\b|\beverybody\b|\banyone\b|\banybody\b|\b(?:the\s+)?(?:whole|entire)\s+(?:[a-z-]+\s+)?(?:org|organi[sz]ation|company|team|department|staff|workforce|group|division|tenant|workspace)\b|\ball authenticated users\b|\ballusers\b|\banonymous (?:users|access)\b|\bpublic(?:ly)?\b|\ball \d+\b/;

/**
 * Access grants: P0 for mass permission grants, P1 for elevated access to one person,
 * P2 for ordinary access to one person.
 */
export const accessGrantRiskRule: RiskRule = (view) => {
  const findings: RiskFinding[] = [];
  if (!mentionsAccess.test(view.actionText) || !grants.test(view.actionText)) return findings;
  for (const clause of view.actionClauses) {
    const verb = grants.exec(clause.text);
    if (verb === null) continue;
    const rest = clause.text.slice(verb.index);
    const isElevated = elevated.test(rest);
    if (!isElevated && !accessObject.test(rest)) continue;
    if (manyPeople.test(rest)) {
      findings.push({
        ruleId: 'risk.access.mass-grant',
        grade: 'P0',
        categories: ['access-grant'],
        reason: 'grants permissions to many people at once',
      });
    } else if (isElevated) {
      findings.push({
        ruleId: 'risk.access.elevated-grant',
        grade: 'P1',
        categories: ['access-grant'],
        reason: 'grants elevated access to one person',
      });
    } else {
      findings.push({
        ruleId: 'risk.access.grant',
        grade: 'P2',
        categories: ['access-grant'],
        reason: 'grants ordinary access to one person',
      });
    }
  }
  return findings;
};
