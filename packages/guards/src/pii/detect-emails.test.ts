import { describe, expect, it } from 'vitest';
import { detectEmails } from './detect-emails.js';
import type { PiiMatch } from './pii-match.js';

function find(text: string): string[] {
  const found: PiiMatch[] = [];
  detectEmails(text, found);
  return found.map((match) => match.value);
}

describe('detectEmails', () => {
  it('finds addresses with dots, plus tags, hyphens and multi-part domains', () => {
    expect(find('Write to first.last+tag@sub.example.org or OPS@EXAMPLE.COM.')).toEqual([
      'first.last+tag@sub.example.org',
      'OPS@EXAMPLE.COM',
    ]);
    expect(find('cc s.patel@kinetic-labs.co.uk, (r.ahmed@clinic.com.au)')).toEqual([
      's.patel@kinetic-labs.co.uk',
      'r.ahmed@clinic.com.au',
    ]);
  });

  it('reports UTF-16 offsets of the address only', () => {
    const found: PiiMatch[] = [];
    const text = 'mailto:x.y@example.io?subject=hi';
    detectEmails(text, found);
    expect(found).toEqual([{ type: 'EMAIL', start: 7, end: 21, value: 'x.y@example.io' }]);
    expect(text.slice(7, 21)).toBe('x.y@example.io');
  });

  it('ignores handles, bare domains, double dots and URL credentials', () => {
    expect(find('Tag @devops-oncall and @channel')).toEqual([]);
    expect(find('see example.com and user@localhost')).toEqual([]);
    expect(find('bad a..b@example.com, assets icon@2x.png and logo@3x.webp')).toEqual([]);
    expect(find('postgres://app:Secr3t@db.example.com/app')).toEqual([]);
  });
});
