import { describe, expect, it } from 'vitest';
import { detectPii } from './detect-pii.js';
import { piiTypes } from './pii-type.js';

function segment(json: string): string {
  return Buffer.from(json, 'utf8').toString('base64url');
}

// Fake credentials in each provider's documented shape, assembled at run time.
const githubInstallationToken = 'ghs_' + 'Zq8Rt2Vx'.repeat(4) + 'Kp4M';
const slackUserToken = ['xoxp', '1234567890', '2345678901', '3456789012', 'a1b2c3d4e5f6a7b8c9d0'].join('-');
const openAiKey = 'sk-proj-' + 'Tg7HZA2PQLUD_W1nW4kG'.repeat(3);
const awsKey = 'AKIA' + 'J4RT6YB8NW2QX5ZC';
const jwt = `${segment('{"alg":"RS256","kid":"k1"}')}.${segment('{"sub":"42","role":"admin"}')}.c2lnbmF0dXJlLWJ5dGVz`;
const ecKey = '-----BEGIN EC PRIVATE KEY-----\n  MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk\n  -----END EC PRIVATE KEY-----';

/** Wording, formats and contexts beyond the development fixtures. */
const cases: readonly { text: string; expected: readonly (readonly [string, string])[] }[] = [
  { text: 'From: "Ana Ruiz" <ana.ruiz@correo.es>', expected: [['EMAIL', 'ana.ruiz@correo.es']] },
  { text: 'Regards,\nMarta\nMobile: +34 612 345 678', expected: [['PHONE', '+34 612 345 678']] },
  { text: 'Transferir a ES91 2100 0418 4502 0005 1332 antes del viernes', expected: [['IBAN', 'ES91 2100 0418 4502 0005 1332']] },
  { text: '{"pan":"5425-2334-3010-9903","exp":"11/26"}', expected: [['CREDIT_CARD', '5425-2334-3010-9903']] },
  { text: 'Amex 3714 496353 98431 on file', expected: [['CREDIT_CARD', '3714 496353 98431']] },
  { text: 'SSN#: 078-05-1120 (verify with HR)', expected: [['US_SSN', '078-05-1120']] },
  { text: `[default]\naws_access_key_id = ${awsKey}\nregion = eu-west-1`, expected: [['AWS_ACCESS_KEY', awsKey]] },
  {
    text: `git clone https://x-access-token:${githubInstallationToken}@github.com/acme/api.git`,
    expected: [['GITHUB_TOKEN', githubInstallationToken]],
  },
  { text: `curl -H "Authorization: Bearer ${slackUserToken}" https://slack.com/api/auth.test`, expected: [['SLACK_TOKEN', slackUserToken]] },
  { text: `client = OpenAI(api_key="${openAiKey}")`, expected: [['OPENAI_KEY', openAiKey]] },
  { text: `tls:\n  key: |\n  ${ecKey}\n  done: true`, expected: [['PRIVATE_KEY', ecKey]] },
  { text: `Cookie: session=${jwt}; Path=/; HttpOnly`, expected: [['JWT', jwt]] },
  { text: 'redis:\n  host: cache.internal\n  password: "9xQ!v2#Lp"\n', expected: [['PASSWORD', '9xQ!v2#Lp']] },
  { text: 'the wifi passcode: 7731-2290, guest network', expected: [['PASSWORD', '7731-2290']] },
  { text: 'GET /login 401 from [2001:db8::42]:51234 at 10:02:11', expected: [['IP_ADDRESS', '2001:db8::42']] },
  { text: 'Blocked 203.0.113.9, 198.51.100.200 and 192.0.2.1.', expected: [['IP_ADDRESS', '203.0.113.9'], ['IP_ADDRESS', '198.51.100.200'], ['IP_ADDRESS', '192.0.2.1']] },
  {
    text: "Hi, I'm Leo (leo@fern.dev, +1 917 555 0143). My card 4000 0566 5566 5556 was charged twice.",
    expected: [['EMAIL', 'leo@fern.dev'], ['PHONE', '+1 917 555 0143'], ['CREDIT_CARD', '4000 0566 5566 5556']],
  },
  { text: 'Rückruf unter +49 (0)89 1234567 erbeten.', expected: [['PHONE', '+49 (0)89 1234567']] },
  { text: 'text me on 07911 123456 after six', expected: [['PHONE', '07911 123456']] },
  { text: 'Dial 1.212.555.0183 for the hotline', expected: [['PHONE', '1.212.555.0183']] },
  { text: 'Login: admin / Password: Qwerty!2345', expected: [['PASSWORD', 'Qwerty!2345']] },
  { text: 'Commit 9fceb02d0ae598e95dc970b74767f19372d61af8 fixed request c2b7e1a4-5d3f-4e2a-9b1c-7f6e5d4c3b2a.', expected: [] },
  { text: 'Released v4.12.0 at 2024-06-01T10:15:30Z; revenue up 12.5% to $3,400,000.', expected: [] },
  { text: 'Call the front desk between 9:00-17:00 on 03.04.2024 or visit room 1204.', expected: [] },
  { text: 'Tracking 1Z999AA10123456784, order #1002003004, confirmation ABC123, seat 14C.', expected: [] },
  { text: 'The password policy requires rotation every 90 days and a minimum of 14 characters.', expected: [] },
  { text: 'Ranges 123-456 and 1-2-3-4; scores 98.6, 101.3 and 7/10; ISBN 978-0-306-40615-7.', expected: [] },
];

describe('detectPii', () => {
  it.each(cases)('finds exactly what is in: $text', ({ text, expected }) => {
    expect(detectPii(text).map((match) => [match.type, match.value])).toEqual(expected);
  });

  it('returns sorted, non-overlapping matches whose offsets slice out their values', () => {
    const text = `😀 ping ana@example.com, pwd=Sunfl0wer#2024, card 4111 1111 1111 1111, key ${awsKey}, ip 10.1.2.3`;
    const matches = detectPii(text);
    expect(matches.map((match) => match.type)).toEqual(['EMAIL', 'PASSWORD', 'CREDIT_CARD', 'AWS_ACCESS_KEY', 'IP_ADDRESS']);
    for (const [index, match] of matches.entries()) {
      expect(text.slice(match.start, match.end)).toBe(match.value);
      if (index > 0) expect(match.start).toBeGreaterThanOrEqual(matches[index - 1]!.end);
    }
    expect(matches[0]!.start).toBe(8);
  });

  it('prefers the specific type when a password value is also a token', () => {
    const text = `OPENAI_PASSWORD=${openAiKey}`;
    expect(detectPii(text).map((match) => match.type)).toEqual(['OPENAI_KEY']);
  });

  it('finds nothing in plain prose or empty text', () => {
    expect(detectPii('')).toEqual([]);
    expect(detectPii('Please summarise the quarterly results and draft a note to the team about next steps.')).toEqual([]);
  });

  it('only ever reports the documented types', () => {
    const text = cases.map((testCase) => testCase.text).join('\n');
    for (const match of detectPii(text)) expect(piiTypes).toContain(match.type);
  });
});
