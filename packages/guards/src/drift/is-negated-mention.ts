/** A mention such as "not production" or "do not touch production" names an environment to stay away from. */
const negatedBefore =
  /(?:\bnot(?!\s+(?:only|just|yet)\b)|\bnever|\bno(?!\s+longer\b)|n't|\binstead\s+of|\brather\s+than|\bexcept|\bexcluding|\bavoid(?:ing)?|\bother\s+than|\bwithout)\s+(?:[\w-]+\s+){0,3}$/i;
/** …and so does "production stays untouched" or "production must not be restarted". */
const negatedAfter =
  /^\s*(?:(?:stays?|remains?|is|are|must|should|will|shall|can)\s+)?(?:(?:be|left|kept)\s+)?(?:untouched|unchanged|excluded|off-limits|out\s+of\s+scope|as\s+is|not\b|never\b|n't\b)/i;
const positiveInstruction = /\b(?:forget|fail|hesitate)\b/i;

/**
 * True when the mention at `start`…`end` is negated: "not production", "do not touch production",
 * "instead of staging", "production stays untouched", "admin rights must not be granted".
 */
export function isNegatedMention(text: string, start: number, end: number): boolean {
  const negated = negatedBefore.exec(text.slice(Math.max(0, start - 40), start));
  if (negated !== null && !positiveInstruction.test(negated[0])) return true;
  return negatedAfter.test(text.slice(end, end + 40));
}
