import type { RiskRule } from './risk-rule.js';
import { gap, verbAt } from './risk-vocabulary.js';

const contractNouns =
  "(?:contracts?|agreements?|ndas?|sows?|statements? of work|terms(?: and conditions| of service)?|t&cs|msas?|leases?|purchase orders?|pos|renewals?|addend(?:um|a)|amendments?|licen[cs]e agreements?|eulas?|dpas?|deals?|order forms?|engagement letters?|letters? of intent|lois?|mous?|memorand(?:um|a) of understanding|offers?|quotes?|bids?|tenders?|settlements?|term sheets?|partnership|subscription|retainer|guarantee|warranty|loan agreement|commitments?)";

/** Cheap test for any contract word before the detailed patterns run. */
const mentionsContract =
  /contract|agreement|nda|sow|statement|terms|t&c|msa|lease|order|pos\b|renewal|addend|amendment|licen|eula|dpa|deal|engagement|intent|loi|mou|memorand|offer|quote|bid|tender|settlement|sheet|partnership|subscription|retainer|guarantee|warranty|loan|commitment|behalf/;
/** Signing, accepting, renewing or ending a contract-like object ("accept the terms", not "accept the invite"). */
const signs = new RegExp(
  `${verbAt('sign(?! (?:up|in|out|into)\\b)|signs|signing|countersign|co-sign|cosign|e-sign|esign|docusign|execute|executing|accept|accepting|agree to|agreeing to|approve|approving|enter into|renew|renewing|commit to|conclude|finali[sz]e|ratify|extend|award|bind (?:us|the company) to|initial|terminate|cancel|end|exit|break|rescind|void|withdraw from|pull out of')}\\b${gap(80)}\\b${contractNouns}\\b`,
);
/** "countersign it", "accept them": a signing verb with a pronoun for a contract named elsewhere. */
const signsNamedContract = new RegExp(
  `${verbAt('sign|countersign|co-sign|cosign|e-sign|esign|docusign|execute|accept|approve|renew|terminate|cancel|ratify')}\\s+(?:it|them|this|that|both|all three|all of them)\\b`,
);
const namesContract = new RegExp(`\\b${contractNouns}\\b`);
/** Acting "on behalf of the company" binds it whatever the document is called. */
const signingOnBehalf = /\bon behalf of (?:the company|us|our company|the business|the organi[sz]ation)\b/;

/** Signing, accepting, renewing or ending contracts and binding terms: P1. */
export const contractRiskRule: RiskRule = (view) =>
  mentionsContract.test(view.actionText) &&
  (signs.test(view.actionText) ||
    signingOnBehalf.test(view.actionText) ||
    (signsNamedContract.test(view.actionText) && namesContract.test(view.actionText)))
    ? [
        {
          ruleId: 'risk.contract.sign',
          grade: 'P1',
          categories: ['contract'],
          reason: 'signs or accepts a contract or binding terms',
        },
      ]
    : [];
