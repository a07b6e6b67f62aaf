import type { Anchor, AnchorEntity, DriftChange, DriftResult, EntityKind } from '@dax/core';
import { checkNegations } from './check-negations.js';
import { entitiesAgree } from './entities-agree.js';
import { entityGroup, isAdditionDrift } from './entity-group.js';
import { isDerivedAmount } from './is-derived-amount.js';
import { isKnownName, isNameMentioned, nameWords } from './names-agree.js';
import { isPlaceholderValue } from './placeholder-kinds.js';
import { scanEntities, type OptionalScanner } from './scan-entities.js';
import type { ScannedEntity } from './scanned-entity.js';
import { maskEntityValue } from './mask-entity-value.js';

interface Grouped<Entity> {
  readonly byGroup: Map<string, Entity[]>;
  readonly placeholderKinds: Set<EntityKind>;
}

function groupEntities<Entity extends AnchorEntity>(entities: readonly Entity[]): Grouped<Entity> {
  const byGroup = new Map<string, Entity[]>();
  const placeholderKinds = new Set<EntityKind>();
  for (const entity of entities) {
    if (entity.kind === 'negation') continue;
    if (isPlaceholderValue(entity.value)) {
      placeholderKinds.add(entity.kind);
      continue;
    }
    const group = entityGroup(entity);
    const members = byGroup.get(group);
    if (members === undefined) byGroup.set(group, [entity]);
    else members.push(entity);
  }
  return { byGroup, placeholderKinds };
}

/** Scanners whose findings could not count: the anchor has no value of their groups. */
function unneededScanners(anchorGroups: ReadonlyMap<string, readonly AnchorEntity[]>): Set<OptionalScanner> {
  const groups = [...anchorGroups.keys()];
  const has = (test: (group: string) => boolean): boolean => groups.some(test);
  const skip = new Set<OptionalScanner>();
  if (!has((group) => group === 'id:version')) skip.add('versions');
  if (!has((group) => group === 'frequency')) skip.add('frequencies');
  if (!has((group) => group === 'percent')) skip.add('percentages');
  if (!has((group) => group.startsWith('quantity:'))) skip.add('quantities');
  if (!has((group) => group.startsWith('id:') && group !== 'id:version')) skip.add('identifiers');
  if (!has((group) => group.startsWith('system:'))) skip.add('systems');
  return skip;
}

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
  outputNames: readonly ScannedEntity[],
  outputText: string,
  outputHasPlaceholder: boolean,
  changes: DriftChange[],
): void {
  const anchorWords = nameWords(anchorNames);
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
  const agreement = considered.map((found) => anchorMembers.map((anchored) => entitiesAgree(group, anchored, found)));
  const missing = outputHasPlaceholder
    ? []
    : anchorMembers.filter((_, anchorIndex) => !agreement.some((row) => row[anchorIndex] === true));
  for (const [index, found] of considered.entries()) {
    if (agreement[index]?.includes(true) === true) continue;
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
  const anchorGroups = groupEntities(anchor.entities);
  const output = scanEntities(candidate, { negations: false, skip: unneededScanners(anchorGroups.byGroup) });
  const outputGroups = groupEntities(output.entities);
  const changes: DriftChange[] = [];
  for (const [group, outputMembers] of outputGroups.byGroup) {
    const kind = outputMembers[0]?.kind;
    if (kind === undefined || anchorGroups.placeholderKinds.has(kind)) continue;
    const anchorMembers = anchorGroups.byGroup.get(group) ?? [];
    const outputHasPlaceholder = outputGroups.placeholderKinds.has(kind);
    if (group === 'name') compareNames(anchorMembers, outputMembers, output.text, outputHasPlaceholder, changes);
    else {
      const anchorPercentages = anchorGroups.byGroup.get('percent') ?? [];
      compareGroup(group, anchorMembers, outputMembers, outputHasPlaceholder, anchorPercentages, changes);
    }
  }
  const negations = anchor.entities.filter((entity) => entity.kind === 'negation');
  changes.push(...checkNegations(negations, output.text));
  const seen = new Set<string>();
  const unique = changes.map(masked).filter((change) => {
    const key = changeKey(change);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { drift: unique.length > 0, changes: unique };
}
