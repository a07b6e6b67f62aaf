// Representative prompts for the benchmarks: a fixture file from ../shared/fixtures
// ({text, domain?} per line), or a short built-in list when it is absent.
import { readFileSync } from 'node:fs';

const builtIn = [
  'Draft a polite reply thanking Dana for the Q3 report',
  'Summarise the attached incident review in five bullet points',
  'Refund $120 to existing customer 55102 for the duplicate charge',
  'Wire 25,000 EUR to IBAN DE89 3704 0044 0532 0130 00 today',
  'Explain how wire transfers are reconciled',
];

/** @returns {{ text: string, domain?: string }[]} */
export function loadPrompts(fixture = 'prompts') {
  try {
    return readFileSync(new URL(`../../shared/fixtures/${fixture}.jsonl`, import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .map((prompt) => ({ text: prompt.text, ...(prompt.domain === undefined ? {} : { domain: prompt.domain }) }));
  } catch {
    return builtIn.map((text) => ({ text }));
  }
}
