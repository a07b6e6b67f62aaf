/**
 * Text the offline provider may copy into an output next to the intent: no digits,
 * addresses, links, negation words or environment names that could read as drift
 * against the anchor.
 */
const unsafeForRestating =
  /\d|@|:\/\/|\b(?:not|no|never|none|without|nor)\b|n't\b|\b(?:production|prod|staging|stage|test|testing|dev|development|live|sandbox|qa|uat|preprod|non-production)\b/i;

export function isSafeToRestate(text: string): boolean {
  return !unsafeForRestating.test(text);
}

const environmentWords = new Set(['production', 'prod', 'staging', 'stage', 'test', 'dev', 'live', 'sandbox', 'non']);

/** A category as a label without environment words: `production-change` → `change`. */
export function categoryLabel(category: string): string {
  const words = category.split('-').filter((word) => !environmentWords.has(word));
  return words.length > 0 ? words.join(' ') : 'change';
}
