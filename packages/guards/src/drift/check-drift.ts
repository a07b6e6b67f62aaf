import type { Anchor, AnchorEntity, DriftChange, DriftResult } from '@dax/core';
import { checkNegations } from './check-negations.js';
import { entitiesAgree } from './entities-agree.js';
import { isAdditionDrift } from './entity-group.js';
import { groupEntities } from './group-entities.js';
import { isDerivedAmount } from './is-derived-amount.js';
import { isKnownName, isNameMentioned, nameWords } from './names-agree.js';
import { prepareAnchor } from './prepared-anchor.js';
import { scanEntities } from './scan-entities.js';
import type { ScannedEntity } from './scanned-entity.js';
import { maskEntityValue } from './mask-entity-value.js';

function masked(change: DriftChange): DriftChange {
  const shown: { -readonly [Key in keyof DriftChange]: DriftChange[Key] } = {
    kind: change.kind,
    change: change.change,
  };
  if (change.expected !== undefined) shown.expected = maskEntityValue(change.kind, change.expected);
  if (change.found !== undefined) shown.found = maskEntityValue(change.kind, change.found);
  return shown;
}

function changeKey(change: DriftChange): string {
  return `${change.kind}|${change.change}|${change.expected ?? ''}|${change.found ?? ''}`;
}

function compareNames(
  anchorNames: readonly AnchorEntity[],
  anchorWords: ReadonlySet<string>,
  outputNames: readonly ScannedEntity[],
  outputText: string,
  outputHasPlaceholder: boolean,
  changes: DriftChange[],
): void {
  const outputWords = nameWords(outputNames);
  const missing = outputHasPlaceholder ? [] : anchorNames.filter((name) => !isNameMentioned(name.value, outputWords));
  const missingSingle = missing.find((name) => !name.value.includes(' '));
  for (const [index, name] of outputNames.entries()) {
    if (name.qualifier === 'opening' || isKnownName(name, anchorWords)) continue;
    if (name.qualifier === 'weak') {
      if (missingSingle !== undefined) {
        // A lone capitalised word replacing a lone name the intent stated ("Denver" → "Dallas").
        changes.push({ kind: 'payee', change: 'changed', expected: missingSingle.value, found: name.value });
      } else if (isListedWithKnownName(outputNames, index, outputText, anchorWords)) {
        // A new name in a list of stated ones ("Figma, Notion and Salesforce").
        changes.push({ kind: 'payee', change: 'added', found: name.value });
      }
      continue;
    }
    const expected = missing[0];
    changes.push(
      expected === undefined
        ? { kind: 'payee', change: 'added', found: name.value }
        : { kind: 'payee', change: 'changed', expected: expected.value, found: name.value },
    );
  }
}

const listJoint = /^\s*(?:,\s*(?:and\s+|or\s+|&\s+)?|(?:and|or|&|\+)\s+)$/;

/** True when the name at `index` is joined by a comma, "and", "or", "&" or "+" to a name the anchor knows. */
function isListedWithKnownName(
  names: readonly ScannedEntity[],
  index: number,
  text: string,
  anchorWords: ReadonlySet<string>,
): boolean {
  const current = names[index];
  if (current === undefined) return false;
  const previous = names[index - 1];
  if (previous !== undefined && isKnownName(previous, anchorWords)) {
    if (listJoint.test(text.slice(previous.start + previous.value.length, current.start))) return true;
  }
  const next = names[index + 1];
  if (next !== undefined && isKnownName(next, anchorWords)) {
    if (listJoint.test(text.slice(current.start + current.value.length, next.start))) return true;
  }
  return false;
}

function compareGroup(
  group: string,
  anchorMembers: readonly AnchorEntity[],
  outputMembers: readonly ScannedEntity[],
  outputHasPlaceholder: boolean,
  anchorPercentages: readonly AnchorEntity[],
  changes: DriftChange[],
): void {
  const considered = outputMembers.filter((entity) => entity.qualifier !== 'aside');
  const agrees = (anchored: AnchorEntity, found: AnchorEntity): boolean => entitiesAgree(group, anchored, found);
  // The anchor values no output value agrees with, worked out only once some output value disagrees.
  let missing: readonly AnchorEntity[] | undefined;
  for (const found of considered) {
    if (anchorMembers.some((anchored) => agrees(anchored, found))) continue;
    missing ??= outputHasPlaceholder
      ? []
      : anchorMembers.filter((anchored) => !considered.some((other) => agrees(anchored, other)));
    const expected = missing[0];
    if (expected !== undefined) {
      changes.push({ kind: found.kind, change: 'changed', expected: expected.value, found: found.value });
    } else if (found.qualifier !== 'limit' && isAdditionDrift(group, anchorMembers.length > 0, found.value)) {
      const derived =
        group === 'money' &&
        isDerivedAmount(
          found.value,
          anchorMembers.map((anchored) => anchored.value),
          anchorPercentages.map((percentage) => percentage.value),
        );
      if (!derived) changes.push({ kind: found.kind, change: 'added', found: found.value });
    }
  }
}

/**
 * DA-3: compares a later output with the DA-13 anchor. Drift is a changed amount, currency, payee,
 * account, date, environment or named system; a flipped or dropped negation; or a new concrete fact
 * (payee, amount, account, e-mail, URL, phone, environment). Reordering, rephrasing, formatting,
 * omissions and redaction placeholders are not drift. Values in the changes are normalised, and
 * masked for e-mail addresses, accounts, phone numbers and names.
 */
export function checkDrift(anchor: Anchor, candidate: string): DriftResult {
  const prepared = prepareAnchor(anchor);
  const anchorGroups = prepared.groups;
  const output = scanEntities(candidate, { negations: false, skip: prepared.skip });
  const outputGroups = groupEntities(output.entities);
  const changes: DriftChange[] = [];
  for (const [group, outputMembers] of outputGroups.byGroup) {
    const kind = outputMembers[0]?.kind;
    if (kind === undefined || anchorGroups.placeholderKinds.has(kind)) continue;
    const anchorMembers = anchorGroups.byGroup.get(group) ?? [];
    const outputHasPlaceholder = outputGroups.placeholderKinds.has(kind);
    if (group === 'name') {
      compareNames(anchorMembers, prepared.nameWords, outputMembers, output.text, outputHasPlaceholder, changes);
    } else {
      const anchorPercentages = anchorGroups.byGroup.get('percent') ?? [];
      compareGroup(group, anchorMembers, outputMembers, outputHasPlaceholder, anchorPercentages, changes);
    }
  }
  changes.push(...checkNegations(prepared.negations, output.text));
  const seen = new Set<string>();
  const unique = changes.map(masked).filter((change) => {
    const key = changeKey(change);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { drift: unique.length > 0, changes: unique };
}
