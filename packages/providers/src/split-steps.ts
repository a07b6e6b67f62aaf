/** Sentence ends, semicolons, line breaks and ", then" / "and then" separate steps. */
const stepBoundary = /(?<=[.!?])\s+(?=\S)|;\s+|\s*\n+\s*|,\s+(?:and\s+)?then\s+|\s+and\s+then\s+/;

/**
 * Splits an intent into ordered steps at sentence and clause boundaries, keeping
 * every word of each step (a negation stays with its clause).
 */
export function splitSteps(intent: string): string[] {
  const steps: string[] = [];
  for (const piece of intent.split(stepBoundary)) {
    const step = piece.trim();
    if (step.length > 0) steps.push(step);
  }
  return steps.length > 0 ? steps : [intent.trim()];
}

/** `1. first\n2. second` */
export function numberSteps(steps: readonly string[]): string {
  let text = '';
  for (let index = 0; index < steps.length; index += 1) {
    text += `${index === 0 ? '' : '\n'}${index + 1}. ${steps[index]}`;
  }
  return text;
}
