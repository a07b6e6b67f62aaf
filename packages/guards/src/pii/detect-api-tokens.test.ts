import { describe, expect, it } from 'vitest';
import { detectApiTokens } from './detect-api-tokens.js';
import type { PiiMatch } from './pii-match.js';

function find(text: string): { type: string; value: string }[] {
  const found: PiiMatch[] = [];
  detectApiTokens(text, found);
  return found.map(({ type, value }) => ({ type, value }));
}

// Fake credentials assembled at run time, in each provider's documented shape.
const awsKey = 'AKIA' + 'Q7XK2M4P9R3T6W8Y';
const awsSessionKey = 'ASIA' + 'Y34FZKBOKMUTVV7A';
const githubToken = 'ghp_' + 'Lp4Ko9Jc'.repeat(4) + 'XO3E';
const githubFineGrained = 'github_pat_' + '11ABCDEFG0' + 'x9Y8z7W6v5'.repeat(7);
const slackToken = ['xoxb', '340454561739', '9698778531696', 'Vc1pFRS8A2GY4bIjBkadI9it'].join('-');
const openAiKey = 'sk-' + 'MuSbW8zJTd4FYVtG'.repeat(3);
const openAiProjectKey = 'sk-proj-' + 'yudML66Ybgqa_D7XB-PgUb'.repeat(3);

describe('detectApiTokens', () => {
  it('finds each provider by its prefix', () => {
    expect(find(`Rotate ${awsKey} and ${awsSessionKey} now`)).toEqual([
      { type: 'AWS_ACCESS_KEY', value: awsKey },
      { type: 'AWS_ACCESS_KEY', value: awsSessionKey },
    ]);
    expect(find(`export GITHUB_TOKEN=${githubToken}; also ${githubFineGrained}.`)).toEqual([
      { type: 'GITHUB_TOKEN', value: githubToken },
      { type: 'GITHUB_TOKEN', value: githubFineGrained },
    ]);
    expect(find(`slack_bot_token: ${slackToken} and key "${openAiKey}", project ${openAiProjectKey}.`)).toEqual([
      { type: 'SLACK_TOKEN', value: slackToken },
      { type: 'OPENAI_KEY', value: openAiKey },
      { type: 'OPENAI_KEY', value: openAiProjectKey },
    ]);
  });

  it('ignores bare prefixes, wrong lengths and ordinary hyphenated words', () => {
    expect(find('Access key IDs that begin with AKIA are long-term; ASIA means temporary.')).toEqual([]);
    expect(find(`${awsKey}X and ${awsKey.slice(0, 19)}`)).toEqual([]);
    expect(find('ghp_short, xoxb-only-words-here, sk-learn, task-force-sk-something-really-long-name')).toEqual([]);
  });
});
