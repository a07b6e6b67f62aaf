import { recipientScope } from './recipient-scope.js';
import type { RecipientScope } from './recipient-scope.js';
import type { RiskFinding } from './risk-finding.js';
import type { RiskRule } from './risk-rule.js';
import type { RiskClause } from './risk-view.js';
import {
  dataSubjects,
  gap,
  personalData,
  possessivePersonalData,
  secretMaterial,
  shareVerbs,
  verbAt,
  wholeDataset,
} from './risk-vocabulary.js';

const shares = new RegExp(
  `${verbAt(shareVerbs)}\\b|\\b(?:let|allow|permit|give|grant|provide)\\b[^|]{0,40}?\\b(?:download|access|see|view|have|copy|pull|export|get|read)\\b`,
);
const names = {
  dataset: new RegExp(wholeDataset),
  secret: new RegExp(`\\b${secretMaterial}\\b`),
  personal: new RegExp(`\\b${personalData}(?!\\w)|${possessivePersonalData}(?!\\w)`),
};
/** A place the data goes to: "to the agency", "with our consultant". File formats do not count. */
const destination =
  /\b(?:to|with|into|onto)\s+(?!(?:a |an |the )?(?:csv|excel|xlsx|xls|pdf|json|spreadsheet|file|sheet|report|dashboard|folder on my desktop)\b|(?:reset|help|make|get|be|do|see|check|confirm|review|use|let|allow|update|verify|ensure|keep|fix|complete|sign|log|access|view|read|change|set|create|find|know|understand)\b)[a-z0-9#@]/;
/** Verbs whose object is the recipient: "email Raj …", "text the courier …". */
const addressesRecipient = /^(?:email|e-mail|text|sms|message|dm|slack|fax|call|ping|cc|bcc|forward)\b/;

const reads = new RegExp(
  `${verbAt('grab|look up|lookup|look into|look at|check|show|tell me|give me|send me|get me|pull up|pull|fetch|retrieve|get|find|list|open|view|access|query|search|read|display|review|see|export|download|dump|extract|compile|gather|collect|report on|identify|print|bring up|locate|count|audit|verify|confirm|match|cross-check|go through|search for')}\\b`,
);
const peopleRecords = new RegExp(
  `\\b(?:${dataSubjects}|hr (?:records?|files?|data|system|profiles?)|personnel|payroll|${personalData})(?!\\w)|${possessivePersonalData}(?!\\w)`,
);
const makesPublic = new RegExp(
  `\\b(?:make|set|change|switch|open|expose|publish)\\b${gap(50)}\\b(?:public|publicly (?:accessible|readable|available)|world-readable|anonymous(?:ly)? (?:access|readable)|open to (?:the )?(?:internet|world|public)|accessible to anyone|(?:to|on) the (?:public )?internet|to the world|to anyone|to everyone|0\\.0\\.0\\.0/0)\\b`,
);
/** Data stores and production systems: exposing these publicly is catastrophic, unlike a code repository. */
const sensitiveStore =
  /\b(?:databases?|dbs?|buckets?|s3|tables?|data ?stores?|data lake|warehouse|backups?|snapshots?|production|prod|live|customer|patient|employee|user data|personal|pii|records)\b/;

function sharingClauses(clauses: readonly RiskClause[], kind: RegExp): RiskClause[] {
  return clauses.filter((clause) => kind.test(clause.text));
}

function hasDestination(clauses: readonly RiskClause[], actionText: string): boolean {
  return clauses.some((clause) => addressesRecipient.test(clause.head)) || destination.test(actionText);
}

/**
 * Data leaving its owner: whole datasets of people, credentials and personal data sent to
 * outsiders, data made public, and internal reads of people's records.
 */
export const dataSharingRiskRule: RiskRule = (view) => {
  const findings: RiskFinding[] = [];
  let knownScope: RecipientScope | undefined;
  const scopeOf = (): RecipientScope => (knownScope ??= recipientScope(view.actionText));
  // Patterns never cross clause boundaries, so a miss on the whole text skips the clause loops.
  const sharers = shares.test(view.actionText) ? view.actionClauses.filter((clause) => shares.test(clause.text)) : [];

  const datasetClauses = sharingClauses(sharers, names.dataset);
  if (datasetClauses.length > 0) {
    if (scopeOf() === 'external') {
      findings.push({
        ruleId: 'risk.data.exfiltrate-dataset',
        grade: 'P0',
        categories: ['data-export'],
        reason: 'sends a whole dataset of people to an outside party',
      });
    } else if (scopeOf() === 'unknown' && hasDestination(datasetClauses, view.actionText)) {
      findings.push({
        ruleId: 'risk.data.export-dataset',
        grade: 'P1',
        categories: ['data-export'],
        reason: 'sends a whole dataset of people to an unconfirmed recipient',
      });
    } else {
      findings.push({
        ruleId: 'risk.data.export-internal',
        grade: 'P2',
        categories: ['data-export', 'personal-data-read'],
        reason: 'exports a dataset of people for internal use',
      });
    }
  }

  const secretClauses = sharingClauses(sharers, names.secret);
  if (secretClauses.length > 0) {
    findings.push(
      scopeOf() === 'external' || (scopeOf() === 'unknown' && hasDestination(secretClauses, view.actionText))
        ? {
            ruleId: 'risk.secrets.exfiltrate',
            grade: 'P0',
            categories: ['data-export', 'security-control'],
            reason: 'sends credentials or secrets outside the organisation',
          }
        : {
            ruleId: 'risk.secrets.share',
            grade: 'P1',
            categories: ['security-control'],
            reason: 'shares credentials or secrets',
          },
    );
  }

  const personalClauses = sharingClauses(sharers, names.personal);
  if (personalClauses.length > 0 && datasetClauses.length === 0) {
    if (scopeOf() === 'external' || (scopeOf() === 'unknown' && hasDestination(personalClauses, view.actionText))) {
      findings.push({
        ruleId: 'risk.data.share-personal-external',
        grade: 'P1',
        categories: ['data-export'],
        reason: 'sends personal data to an external recipient',
      });
    } else {
      findings.push({
        ruleId: 'risk.data.share-personal-internal',
        grade: 'P2',
        categories: ['personal-data-read'],
        reason: 'shares personal data inside the organisation',
      });
    }
  }

  const publicClause = makesPublic.test(view.actionText)
    ? view.actionClauses.find((clause) => makesPublic.test(clause.text))
    : undefined;
  if (publicClause !== undefined && sensitiveStore.test(publicClause.text)) {
    findings.push({
      ruleId: 'risk.data.expose-data-store',
      grade: 'P0',
      categories: ['data-export', 'security-control'],
      reason: 'exposes a data store or personal data publicly',
    });
  } else if (publicClause !== undefined) {
    findings.push({
      ruleId: 'risk.data.make-public',
      grade: 'P1',
      categories: ['data-export', 'access-grant'],
      reason: 'makes a resource publicly accessible',
    });
  }

  if (
    reads.test(view.actionText) &&
    view.actionClauses.some((clause) => reads.test(clause.text) && peopleRecords.test(clause.text))
  ) {
    findings.push({
      ruleId: 'risk.data.read-personal',
      grade: 'P2',
      categories: ['personal-data-read'],
      reason: 'reads records about people for an internal purpose',
    });
  }
  return findings;
};
