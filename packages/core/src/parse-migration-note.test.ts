import { describe, expect, it } from 'vitest';
import { parseMigrationNote } from './parse-migration-note.js';

describe('parseMigrationNote', () => {
  it('reads the three parts of the template, in any order', () => {
    expect(parseMigrationNote('Why: audit 12\nWhat changed: DA-1 wording\nRollback: dax config rollback --domain default')).toEqual({
      whatChanged: 'DA-1 wording',
      why: 'audit 12',
      rollback: 'dax config rollback --domain default',
    });
  });

  it.each(['tweak', 'What changed: x\nWhy: y', 'What changed: x\nWhy:\nRollback: z'])('refuses %j', (text) => {
    expect(() => parseMigrationNote(text)).toThrow(expect.objectContaining({ code: 'DAX_E_CONFIG_NOTE_MISSING' }));
  });
});
