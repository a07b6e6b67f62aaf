/** Keywords that name a password in any wording ("password is X", "passphrase 'X'", "pwd=X"). */
export const strongPasswordKeywords: readonly string[] = ['password', 'passwd', 'passphrase', 'passcode', 'pwd'];
/** Keywords trusted only in an assignment (`pw: X`, `db_pass=X`, `client_secret: X`). */
export const assignmentOnlyKeywords: readonly string[] = ['pass', 'pw', 'secret'];
/** Of those, the ones also common in prose ("boarding pass: 12A"), which need a clearly secret-looking value after a bare colon. */
export const proseKeywords: readonly string[] = ['pass', 'secret'];

function caseVariants(words: readonly string[]): string {
  return words
    .flatMap((word) => [word, word.charAt(0).toUpperCase() + word.slice(1), word.toUpperCase()])
    .sort((left, right) => right.length - left.length)
    .join('|');
}

const gluedUpperPrefix = strongPasswordKeywords.map((word) => word.toUpperCase()).join('|');
/** A `<placeholder>` or `{{ template }}`, a quoted string (quotes kept in the match) or a run of non-space characters. */
const value = String.raw`(?<value><[^<>\n]{1,60}>|\{\{[^{}\n]{1,60}\}\}|"[^"\n]{1,200}"|'[^'\n]{1,200}'|\x60[^\x60\n]{1,200}\x60|\u201c[^\u201d\n]{1,200}\u201d|[^\s"'\x60\u201c]\S{0,199})`;
/** "for the staging database", "on the router": what the password belongs to. */
const subject = String.raw`(?:\s+(?:for|of|on|to)\s+[^\s,.;:!?]+(?:\s+[^\s,.;:!?]+){0,3}?)`;

/**
 * Keyword, then how the value is introduced, then the value. The keyword starts the match (so
 * scanning stays linear); a glued identifier prefix (`db_password`, `dbPassword`, `PGPASSWORD`)
 * is allowed and checked by the caller.
 */
export const keywordThenValue = new RegExp(
  String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z0-9])(?=[A-Z][a-z])|(?<=[A-Z0-9])(?=(?:${gluedUpperPrefix})(?![A-Za-z0-9])))` +
    String.raw`(?<keyword>${caseVariants([...strongPasswordKeywords, ...assignmentOnlyKeywords])})(?![A-Za-z0-9])` +
    '(?:' +
    String.raw`(?<assignment>["']?[ \t]*(?::=|=>|=|:)[ \t]*)` +
    String.raw`|(?<phrase>${subject}?(?:[ \t]*[:=][ \t]*|\s+(?:is|was|will\s+be|should\s+be|remains)(?:\s+(?:now|still|currently|just|simply|set\s+to|changed\s+to))?\s*:?\s+))` +
    String.raw`|(?<setTo>\s+(?:has\s+been\s+|was\s+|is\s+)?(?:set|changed|reset|updated)\s+to\s+)` +
    String.raw`|(?<loose>\s+(?:to\s+)?)` +
    ')' +
    value,
  'dg',
);

/** "… as the password", "… is my new password": the value is the word just before. */
export const valueThenKeyword =
  /\s(?:as|is)\s+(?:(?:the|my|your|our|their|his|her)\s+)?(?:(?:new|temporary|temp|current|default|initial|admin|root|wifi|wi-fi)\s+)?(?:password|passphrase|passcode)\b/gi;

/** `scheme://user:secret@host` */
export const urlCredential = /\b[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/[^\s:@/]{1,128}:(?<value>[^\s@/]{1,256})@[A-Za-z0-9[]/dg;
