import { DaxError } from '@dax/protocol';
import type { MigrationNote } from './config-version.js';

const headings = [
  { key: 'whatChanged', pattern: /^\s*what changed\s*:/im },
  { key: 'why', pattern: /^\s*why\s*:/im },
  { key: 'rollback', pattern: /^\s*(?:rollback|how to roll back)\s*:/im },
] as const;

const maximumNoteChars = 8_000;

function missing(): DaxError {
  return new DaxError('DAX_E_CONFIG_NOTE_MISSING', {
    detail: 'Write the note as three parts: "What changed: …", "Why: …" and "Rollback: …" (see docs/governance.md).',
  });
}

/** Checks a structured note: all three parts present and non-empty. */
export function checkMigrationNote(note: Partial<MigrationNote> | undefined): MigrationNote {
  const whatChanged = note?.whatChanged?.trim() ?? '';
  const why = note?.why?.trim() ?? '';
  const rollback = note?.rollback?.trim() ?? '';
  if (whatChanged === '' || why === '' || rollback === '') throw missing();
  if (whatChanged.length + why.length + rollback.length > maximumNoteChars) {
    throw new DaxError('DAX_E_CONFIG_NOTE_MISSING', { detail: `The migration note is longer than ${maximumNoteChars} characters.` });
  }
  return { whatChanged, why, rollback };
}

/** Reads the note template (`What changed: … Why: … Rollback: …`) from free text. */
export function parseMigrationNote(text: string): MigrationNote {
  const found = headings
    .map((heading) => ({ key: heading.key, match: heading.pattern.exec(text) }))
    .filter((entry): entry is { key: (typeof headings)[number]['key']; match: RegExpExecArray } => entry.match !== null)
    .sort((a, b) => a.match.index - b.match.index);
  if (found.length !== headings.length) throw missing();
  const parts: Partial<Record<keyof MigrationNote, string>> = {};
  for (const [index, entry] of found.entries()) {
    const start = entry.match.index + entry.match[0].length;
    const end = found[index + 1]?.match.index ?? text.length;
    parts[entry.key] = text.slice(start, end);
  }
  return checkMigrationNote(parts);
}
