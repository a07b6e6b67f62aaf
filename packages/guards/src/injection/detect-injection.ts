import type { InjectionMatch } from '@dax/core';
import { foldForMatching, originalOffset } from './fold-for-matching.js';
import { injectionRules } from './injection-rules.js';

/** Cheap test for any word the rules start with, so ordinary text skips the full scan. */
const anyTrigger =
  /ignor|disregard|forget|overrid|overrul|bypass|abandon|discard|neglect|set aside|throw out|follow|obey|mark|flag|label|tag|record|treat|consider|classif|register|deem|approv|gate|review|skip|circumvent|avoid|waive|omit|disabl|without|no need|mode|act |behave|respond|answer|operate|you are|you're|pretend|anything now|jailbr|system|sys\]|<<|im_start|instruction|from now on|following|escalat|report|log|audit|alert|notify|mention|trigger|keep th|keep it|risk|grade|evad|turn off|get around|work around|switch off|deactivat|defeat|trick|fool|past|reveal|print|show|repeat|output|display|tell me|give me|leak|dump|expose|disclose|recite|authori[sz]|permit|allow|order you|instruct|apply|respect|clear|sign|developer|inst\]|your (?:new|real|actual|true)|p[0-3]/i;

/**
 * Finds text that tries to steer governance (override instructions, claim approval, skip the
 * human gate, switch persona or mode, dictate the risk grade, get past the guards). Offsets are
 * UTF-16 code units into the text as given; messages never quote it.
 */
export function detectInjection(text: string): InjectionMatch[] {
  const folded = foldForMatching(text);
  if (!anyTrigger.test(folded.text)) return [];
  const matches: InjectionMatch[] = [];
  const seen = new Set<string>();
  for (const rule of injectionRules) {
    if (!rule.cue.test(folded.text)) continue;
    for (const found of folded.text.matchAll(rule.pattern)) {
      // A match that starts with the new line it is anchored to reports from the first visible character.
      const leading = found[0].length - found[0].trimStart().length;
      const start = originalOffset(folded, found.index + leading);
      const end = originalOffset(folded, found.index + found[0].length - 1) + 1;
      const ruleId = `injection.${rule.name}`;
      const key = `${ruleId}:${String(start)}:${String(end)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      matches.push({ ruleId, message: rule.message, start, end });
    }
  }
  return matches.sort((first, second) => first.start - second.start || first.end - second.end);
}
