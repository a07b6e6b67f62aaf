import type { RiskFinding } from './risk-finding.js';
import type { RiskRule } from './risk-rule.js';
import { recipientCount, verbAt } from './risk-vocabulary.js';

const bulkThreshold = 100;

const messages = new RegExp(
  `${verbAt('send|sends|sending|email|e-mail|emailing|mail|text|texting|sms|message|notify|blast|broadcast|announce|push|post|dm|ping|alert|contact|reach out to|inform|tell|remind|invite|call|whatsapp|mass[- ]email|cc|bcc|publish|robocall|mailshot')}\\b`,
);
const customerAudience = new RegExp(
  [
    `\\b(?:all|every|each|entire|whole|everyone|everybody)\\b(?:\\s+(?:of\\s+)?(?:our|the|my|your|their))?\\s+(?:[\\d,.]+k?\\s+)?(?:[a-z-]+\\s+){0,2}?(?:customers?|users?|clients?|subscribers?|members?|contacts?|patients?|accounts?|buyers?|shoppers?|donors?|guests?|leads?|prospects?|recipients?|customer base|user base|mailing list|email list|list|followers?|cardholders?|consumers?|tenants?|residents?|parents?|students?|partners?|vendors?|suppliers?|policyholders?|account holders?)\\b`,
    'everyone on (?:the|our|this) (?:[a-z-]+ )?list',
    '\\b(?:whole|entire|full|complete) (?:mailing|email|customer|subscriber|contact|marketing) (?:list|base|database)',
    '\\b(?:mass (?:email|e-mail|mail|mailing|text|sms)|email blast|sms blast|mailshot|bulk (?:email|e-mail|sms|text|message|mail)s?)\\b',
  ].join('|'),
);
const staffAudience =
  /\b(?:all|every|each|entire|whole)\s+(?:of\s+)?(?:our\s+|the\s+)?(?:employees|staff|company|team|organi[sz]ation|org|department|engineers|workforce|personnel|colleagues|hands|managers)\b|\bcompany-wide\b|\ball-hands\b|\ball-(?:staff|company|employees)\b|\beveryone (?:at|in) the (?:company|office|org)\b/;
/** A recipient count addressed by the message: "to the 350 customers", "all 12,000 subscribers", "email 500 users". */
/** Cheap test for any audience word or count before the detailed patterns run. */
const mentionsAudience = /\ball\b|every|each|entire|whole|complete|full|list|mass|blast|mailshot|bulk|company|hands|\d/;
const counted = new RegExp(`(?:\\b(?:to|all|the|our|those|these|of|each of)\\s+|^\\s*)${recipientCount}`, 'g');
const multiplierSuffix = /k$/;

function largestRecipientCount(text: string): number {
  let largest = 0;
  for (const found of text.matchAll(counted)) {
    const figure = (found[1] ?? '').replace(/\s/g, '');
    const value = Number(figure.replace(multiplierSuffix, '').replaceAll(',', '')) * (multiplierSuffix.test(figure) ? 1_000 : 1);
    if (Number.isFinite(value)) largest = Math.max(largest, value);
  }
  return largest;
}

/** Bulk messages: P1 to 100 or more recipients or to all customers, P2 to all staff. */
export const messagingRiskRule: RiskRule = (view) => {
  const findings: RiskFinding[] = [];
  if (!mentionsAudience.test(view.actionText) || !messages.test(view.actionText)) return findings;
  for (const clause of view.actionClauses) {
    const verb = messages.exec(clause.text);
    if (verb === null) continue;
    const rest = clause.text.slice(verb.index + verb[0].length);
    if (largestRecipientCount(rest) >= bulkThreshold || customerAudience.test(rest)) {
      findings.push({
        ruleId: 'risk.message.bulk',
        grade: 'P1',
        categories: ['bulk-message'],
        reason: 'messages 100 or more recipients or all customers',
      });
    } else if (staffAudience.test(rest)) {
      findings.push({
        ruleId: 'risk.message.all-staff',
        grade: 'P2',
        categories: ['bulk-message'],
        reason: 'messages all staff internally',
      });
    }
  }
  return findings;
};
