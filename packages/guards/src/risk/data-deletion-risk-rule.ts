import { environmentScope } from './environment-scope.js';
import type { EnvironmentScope } from './environment-scope.js';
import type { RiskFinding } from './risk-finding.js';
import type { RiskRule } from './risk-rule.js';
import {
  backups,
  dataStores,
  dataSubjects,
  destructiveVerbs,
  gap,
  gapAvoiding,
  looseDataObjects,
  requestedInPassive,
  verbAt,
  wholeDataset,
} from './risk-vocabulary.js';

/** Words that make a backup the source or the tool rather than the thing destroyed. */
const notTheTarget = 'from|using|with|via|onto|into|restore|restoring|then|after|before';

/** Cheap test for any destructive word before the detailed patterns run. */
const mentionsDestruction =
  /gone|delet|remov|wip|purg|drop|trunc|eras|destro|empt|clear|nuk|shred|overwr|reset|reiniti|format|tear|decom|termin|rid of|deprov|expung|oblit|zero|blow|rm |rb |dd if|flush/;
const destroys = new RegExp(`${verbAt(destructiveVerbs)}\\b`);
/** "get the prod database wiped", "I want the backups gone": destruction asked for in the passive. */
const causativeDestruction = new RegExp(
  requestedInPassive('deleted|wiped|purged|dropped|truncated|erased|destroyed|emptied|nuked|removed|gone|reformatted|shredded|cleared out'),
);
const namesBackups = new RegExp(`\\b${backups}\\b`);
const namesStore = new RegExp(`\\b${dataStores}\\b`);
const destroysBackups = new RegExp(`${verbAt(destructiveVerbs)}\\b${gapAvoiding(80, notTheTarget)}\\b${backups}\\b`);
const destroysStore = new RegExp(`${verbAt(destructiveVerbs)}\\b${gapAvoiding(80, notTheTarget)}\\b${dataStores}\\b`);
/** Destructive commands written out: "run DROP DATABASE …", "execute TRUNCATE TABLE …". */
const destructiveCommand =
  /\b(?:drop (?:database|table|schema|index|collection|keyspace|user)|truncate(?: table)?|delete from|rm -rf|dropdb|flushall|flushdb|db\.dropdatabase|terraform destroy|kubectl delete (?:namespace|ns|pvc|pv|statefulset|deployment)|aws s3 rb|gsutil rm|dd if=)\b/;
const destroysEveryStore = new RegExp(
  `${verbAt(destructiveVerbs)}\\b${gap(20)}\\b(?:all|every|each|entire|whole)\\b${gap(30)}\\b${dataStores}\\b`,
);
/** Verbs that destroy data itself (not compute: "terminate the instances" is an infrastructure change). */
const dataDestroyingVerbs =
  "(?:(?:bulk|mass)[- ]?)?(?:delete|deletes|deleting|remove|removes|removing|wipe|wipes|wiping|purge|purges|purging|drop|drops|dropping|truncate|truncating|erase|erasing|destroy|destroying|empty|emptying|clear out|nuke|nuking|shred|overwrite|expunge|obliterate|zero out|blow away|rm -rf|get rid of)";
const destroysLooseData = new RegExp(`${verbAt(dataDestroyingVerbs)}\\b${gap(80)}\\b${looseDataObjects}\\b`);
const destroysManyPeople = new RegExp(
  `${verbAt(destructiveVerbs)}\\b${gap(40)}(?:${wholeDataset}|\\b(?:all|every|each|entire|whole)\\s+(?:of\\s+)?(?:the\\s+|our\\s+)?(?:[a-z-]+\\s+){0,2}?${dataSubjects}(?:'s?)?(?:\\s+${looseDataObjects})?\\b)`,
);
const destroysOnePersonsData = new RegExp(
  `${verbAt(destructiveVerbs)}\\b${gap(80)}\\b(?:accounts?|data|records?|profiles?|information|info|details|history|pii|personal data|files?|emails?|messages?|photos?|documents?)\\b`,
);
const namesOnePerson = new RegExp(
  `\\b${dataSubjects}\\b|\\b(?:her|his|their|this person's|the person's)\\b|\\b(?:gdpr|erasure|right to be forgotten|deletion request|dsar|ccpa)\\b`,
);

const productionCategories = ['data-deletion', 'production-change'];

function deletionFinding(scope: EnvironmentScope, what: 'store' | 'backups', everything = false): RiskFinding {
  if (scope === 'non-production') {
    return {
      ruleId: 'risk.data.delete-nonproduction',
      grade: 'P2',
      categories: ['data-deletion', 'staging-change'],
      reason: 'deletes data in a non-production environment',
    };
  }
  if (what === 'backups') {
    return { ruleId: 'risk.data.delete-backups', grade: 'P0', categories: productionCategories, reason: 'deletes backups or snapshots' };
  }
  if (scope === 'production') {
    return { ruleId: 'risk.data.delete-production', grade: 'P0', categories: productionCategories, reason: 'deletes production data' };
  }
  if (everything) {
    return { ruleId: 'risk.data.delete-all-stores', grade: 'P0', categories: ['data-deletion'], reason: 'deletes every data store of a kind' };
  }
  return {
    ruleId: 'risk.data.delete-unscoped',
    grade: 'P1',
    categories: ['data-deletion'],
    reason: 'deletes a data store whose environment is not stated',
  };
}

/**
 * Destroying data: P0 for production data, backups or whole datasets of people; P1 for one
 * person's data (e.g. an erasure request) or a data store of unstated environment; P2 outside production.
 */
export const dataDeletionRiskRule: RiskRule = (view) => {
  const findings: RiskFinding[] = [];
  const whole = view.actionText;
  if (!mentionsDestruction.test(whole)) return findings;
  if (!destroys.test(whole) && !destructiveCommand.test(whole) && !causativeDestruction.test(whole)) return findings;
  for (const clause of view.actionClauses) {
    const text = clause.text;
    if (causativeDestruction.test(text)) {
      const scope = environmentScope(text, view.actionText);
      if (namesBackups.test(text)) findings.push(deletionFinding(scope, 'backups'));
      else if (namesStore.test(text) || scope !== 'unscoped') findings.push(deletionFinding(scope, 'store'));
      continue;
    }
    if (!destroys.test(text) && !destructiveCommand.test(text)) continue;
    const scope = environmentScope(text, view.actionText);
    if (destroysBackups.test(text)) findings.push(deletionFinding(scope, 'backups'));
    if (destroysStore.test(text) || destructiveCommand.test(text)) {
      findings.push(deletionFinding(scope, 'store', destroysEveryStore.test(text)));
    } else if (scope !== 'unscoped' && destroysLooseData.test(text)) {
      findings.push(deletionFinding(scope, 'store'));
    }
    if (scope === 'non-production') continue;
    if (destroysManyPeople.test(text)) {
      findings.push({
        ruleId: 'risk.data.delete-mass-records',
        grade: 'P0',
        categories: ['data-deletion'],
        reason: "deletes many people's records at once",
      });
    } else if (destroysOnePersonsData.test(text) && namesOnePerson.test(view.actionText)) {
      findings.push({
        ruleId: 'risk.data.delete-subject-data',
        grade: 'P1',
        categories: ['data-deletion'],
        reason: "deletes one person's account or data",
      });
    }
  }
  return findings;
};
