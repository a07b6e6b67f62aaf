const boundBefore =
  /(?:[≤≥<>]=?|\b(?:over|under|above|below|exceeds?|exceeding|at\s+least|at\s+most|up\s+to|less\s+than|more\s+than|greater\s+than|max(?:imum)?|min(?:imum)?|limit(?:\s+of)?|threshold(?:\s+of)?|cap(?:\s+of)?|ceiling(?:\s+of)?)(?:\s+(?:the|a|of))?)\s*$/i;
const boundAfter =
  /^\s*(?:limit|threshold|cap|ceiling|or\s+(?:more|less|above|below|higher|lower)|and\s+(?:above|over|up))\b/i;

/** True when a number at `start`…`end` reads as a bound ("over $1,000", "the $5,000 limit") rather than a value to act on. */
export function isStatedAsLimit(text: string, start: number, end: number): boolean {
  return boundBefore.test(text.slice(Math.max(0, start - 24), start)) || boundAfter.test(text.slice(end, end + 24));
}
