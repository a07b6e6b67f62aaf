import {
  auxiliaryHead,
  headVerb,
  informationalHead,
  leadingFiller,
  leadingPhrase,
  negatedHead,
  questionWordHead,
  requestPrefix,
  reshapeHead,
  reshapeSystemTarget,
} from './clause-vocabulary.js';
import type { ClauseMode } from './risk-view.js';

export interface ClassifiedClause {
  /** The clause without softeners and request prefixes; lead-in phrases are kept. */
  readonly text: string;
  /** The clause from its head verb on: softeners, request prefixes and short lead-ins removed. */
  readonly head: string;
  readonly mode: ClauseMode;
}

const maximumLeadInWords = 8;
const wordSeparator = /\s+/;

interface StrippedClause {
  readonly leadIns: string;
  readonly head: string;
}

/** Removes softeners, request prefixes ("could you", "I need you to") and short lead-ins before the head. */
function stripToHead(clause: string): StrippedClause {
  let text = clause.trim();
  let leadIns = '';
  for (let round = 0; round < 6; round += 1) {
    const before = text;
    text = text.replace(leadingFiller, '').replace(requestPrefix, '');
    const leadIn = text.includes(',') ? leadingPhrase.exec(text) : null;
    if (
      leadIn !== null &&
      !headVerb.test(text) &&
      !informationalHead.test(text) &&
      !negatedHead.test(text) &&
      !questionWordHead.test(text) &&
      (leadIn[1] ?? '').split(wordSeparator).length <= maximumLeadInWords
    ) {
      leadIns += leadIn[0];
      text = text.slice(leadIn[0].length);
    }
    if (text === before) break;
  }
  return { leadIns, head: text };
}

/**
 * Reads one lower-cased clause: an instruction to act, a request for words only
 * (questions, explaining, drafting, translating…), or a negated instruction.
 * Anything not recognised as informational or negated counts as an action (fail closed).
 */
export function classifyClause(clause: string, inQuestion: boolean): ClassifiedClause {
  const { leadIns, head } = stripToHead(clause);
  const text = leadIns + head;
  if (negatedHead.test(head)) return { text, head, mode: 'negated' };
  if (questionWordHead.test(head)) return { text, head, mode: 'informational' };
  if (inQuestion && auxiliaryHead.test(head)) return { text, head, mode: 'informational' };
  if (informationalHead.test(head)) return { text, head, mode: 'informational' };
  if (reshapeHead.test(head) && !reshapeSystemTarget.test(head)) return { text, head, mode: 'informational' };
  return { text, head, mode: 'action' };
}
