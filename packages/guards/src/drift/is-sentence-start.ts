const boundary = /[.!?:;\n([{"“*•>–—-]/;

/** True when the text before `start` ends a sentence, a label or a list marker (or there is none). */
export function isSentenceStart(text: string, start: number): boolean {
  let index = start - 1;
  while (index >= 0 && (text[index] === ' ' || text[index] === '\t' || text[index] === '\u0001')) index -= 1;
  if (index < 0) return true;
  const previous = text[index] ?? '';
  if (boundary.test(previous)) return true;
  return previous === ')' && /(?:^|\s)\w{1,2}\)$/.test(text.slice(Math.max(0, index - 3), index + 1));
}
