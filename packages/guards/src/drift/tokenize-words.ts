import { letterClass } from './letter-class.js';

const token = new RegExp(
  String.raw`[#@${letterClass}\d](?:[${letterClass}\d'@#_-]|\.(?=[${letterClass}\d]))*|[.,;:()!?]`,
  'g',
);

/** Lower-cased words and punctuation marks, in order. Expects text with plain quotes (see `normaliseText`). */
export function tokenizeWords(text: string): string[] {
  return text.toLowerCase().match(token) ?? [];
}
