import { classifyClause } from './classify-clause.js';
import { alwaysSplit, introducesMaterial, questionWordHead, sentenceBoundary, verbSplit } from './clause-vocabulary.js';
import type { RiskClause } from './risk-view.js';

const asksHowTo = /\bhow (?:to|do|does|can|should|would)\b/;
/** Cheap tests that tell whether a split pattern can apply at all. */
const mayJoinVerbs = /,|&| and /;

function splitSentence(sentence: string, inQuestion: boolean): string[] {
  const pieces: string[] = [];
  for (const piece of alwaysSplit.test(sentence) ? sentence.split(alwaysSplit) : [sentence]) {
    const lower = piece.trim().toLowerCase();
    if (lower === '') continue;
    // Inside a question, "and" joins the things asked about ("ACH and wire transfers"), not new orders.
    if (!mayJoinVerbs.test(piece) || inQuestion || questionWordHead.test(lower) || asksHowTo.test(lower)) {
      pieces.push(piece.trim());
      continue;
    }
    for (const part of piece.split(verbSplit)) {
      if (part.trim() !== '') pieces.push(part.trim());
    }
  }
  return pieces;
}

/**
 * Splits normalised text into sentences and clauses and classifies each clause. Once an
 * informational clause introduces material with a colon ("Summarise the following: …"),
 * everything after it is material to work on, not instructions.
 */
export function splitIntoClauses(text: string): RiskClause[] {
  const clauses: RiskClause[] = [];
  let inMaterial = false;
  for (const sentence of text.split(sentenceBoundary)) {
    const trimmed = sentence.trim();
    if (trimmed === '') continue;
    const inQuestion = trimmed.endsWith('?');
    for (const raw of splitSentence(trimmed, inQuestion)) {
      const lower = raw.toLowerCase();
      if (inMaterial) {
        clauses.push({ text: lower, head: lower, raw, mode: 'informational' });
        continue;
      }
      const classified = classifyClause(lower, inQuestion);
      clauses.push({ text: classified.text, head: classified.head, raw, mode: classified.mode });
      if (classified.mode === 'informational' && introducesMaterial.test(raw)) inMaterial = true;
    }
  }
  return clauses;
}
