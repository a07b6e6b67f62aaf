import type { EntityScan } from './entity-scan.js';
import { systemNouns } from './system-nouns.js';



/** A system noun after a space or hyphen; the name before it is read backwards from the match. */
const systemNoun = new RegExp(String.raw`[\s-](${Object.keys(systemNouns).join('|')})(?:e?s)?(?![\w-])`, 'g');

/** Characters of a system name: letters, digits, `_`, `.` and `-`. */
function isNameCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 45;
}


/** Words that can stand before a system noun without naming it. */
const notNames = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'your', 'their', 'its', 'his', 'her', 'my',
  'same', 'new', 'old', 'main', 'primary', 'secondary', 'entire', 'whole', 'all', 'each', 'every', 'any',
  'other', 'relevant', 'affected', 'target', 'existing', 'current', 'default', 'shared', 'internal',
  'external', 'right', 'wrong', 'correct', 'given', 'specified', 'named', 'one', 'two', 'both', 'which',
  'what', 'live', 'production', 'prod', 'staging', 'dev', 'development', 'test', 'testing', 'qa', 'uat',
  'sandbox', 'and', 'or', 'of', 'in', 'on', 'to', 'from', 'for', 'with', 'by', 'at', 'per', 'backup',
  'slack', 'teams', 'chat', 'web', 'email', 'mail', 'single', 'separate', 'specific', 'following',
  'whole', 'full', 'wider', 'broader', 'respective', 'appropriate', 'responsible', 'same-day', 'home',
  'create', 'add', 'drop', 'rebuild', 'restart', 'delete', 'update', 'deploy', 'run', 'build', 'reindex', 'remove',
  'use', 'query', 'check', 'open', 'close', 'join', 'leave', 'restore', 'migrate', 'scale', 'stop', 'start',
]);

/**
 * Named systems and places such as `orders_archive_2019 table`, `checkout service`, `finance-admins group`
 * or `lisbon office`, recorded as environments with the name and the kind of target (`checkout service`).
 */
export function scanSystems(scan: EntityScan): void {
  if (!scan.hasCue('systemNoun')) return;
  const lower = scan.working.toLowerCase();
  systemNoun.lastIndex = 0;
  for (let match = systemNoun.exec(lower); match !== null; match = systemNoun.exec(lower)) {
    let nameStart = match.index;
    while (nameStart > 0 && isNameCharacter(lower.charCodeAt(nameStart - 1))) nameStart -= 1;
    const name = lower.slice(nameStart, match.index);
    const noun = systemNouns[match[1] ?? ''];
    if (noun === undefined || !/^[a-z0-9]/.test(name) || /[.-]$/.test(name) || lower[nameStart - 1] === '/') continue;
    if (notNames.has(name) || /^\d+$/.test(name)) continue;
    scan.add({ kind: 'environment', value: `${name} ${noun}` }, nameStart);
    scan.consume(nameStart, match.index + match[0].length);
  }
}
