import { forEachMatch } from './for-each-match.js';
import type { PiiDetector } from './pii-detector.js';

/** PEM / armored header of any private key type: RSA, EC, DSA, OPENSSH, ENCRYPTED, PGP … */
const beginLine = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----/g;
/** Lines an unterminated block may still contain: base64 body (not a lone short word), armor headers, blanks. */
const bodyLine = /^(?:[A-Za-z0-9+/\\]{16,}={0,2}|[A-Za-z0-9+/]{1,15}={1,2}|(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset): .*)?$/;

function endOfUnterminatedBlock(text: string, headerEnd: number): number {
  let end = headerEnd;
  let lineStart = text.indexOf('\n', headerEnd);
  while (lineStart !== -1) {
    const nextBreak = text.indexOf('\n', lineStart + 1);
    const lineEnd = nextBreak === -1 ? text.length : nextBreak;
    const line = text.slice(lineStart + 1, lineEnd);
    const content = line.trim();
    if (!bodyLine.test(content)) break;
    if (content !== '') end = lineStart + 1 + line.trimEnd().length;
    lineStart = nextBreak;
  }
  return end;
}

/** Whole PEM private key blocks, BEGIN line through END line (or through the body if the END line is missing). */
export const detectPrivateKeys: PiiDetector = (text, found) => {
  if (!text.includes('PRIVATE KEY')) return;
  // Footers known to be absent, so a text full of headers is not searched again for each one.
  const missingFooters = new Set<string>();
  forEachMatch(beginLine, text, (match) => {
    const headerEnd = match.index + match[0].length;
    const footer = `-----END ${match[1] ?? ''}PRIVATE KEY${match[2] ?? ''}-----`;
    const footerAt = missingFooters.has(footer) ? -1 : text.indexOf(footer, headerEnd);
    if (footerAt === -1) missingFooters.add(footer);
    const end = footerAt === -1 ? endOfUnterminatedBlock(text, headerEnd) : footerAt + footer.length;
    // A header with neither body nor footer is a mention of the format, not a key.
    if (end === headerEnd) return end;
    found.push({ type: 'PRIVATE_KEY', start: match.index, end, value: text.slice(match.index, end) });
    return end;
  });
};
