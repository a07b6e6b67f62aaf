import type { RiskRule } from './risk-rule.js';
import { gap, verbAt } from './risk-vocabulary.js';

/** Cheap test for any meeting word before the detailed patterns run. */
const mentionsMeeting =
  /meeting|call|demo|lunch|dinner|coffee|breakfast|interview|sync|session|appointment|catch|workshop|visit|zoom|teams|conference|briefing|walkthrough|presentation|negotiation|kick|invite/;
const schedules = new RegExp(
  `${verbAt('schedule|book|set up|arrange|organi[sz]e|plan|invite|reschedule|hold|host|put|send|line up|fix up|sort out|calendar')}\\b${gap(60)}\\b(?:meetings?|calls?|demos?|lunch|dinner|coffee|breakfast|interviews?|syncs?|sessions?|appointments?|catch-?ups?|workshops?|visits?|video calls?|zoom|teams call|conference calls?|briefings?|walkthroughs?|presentations?|negotiations?|review meetings?|kick-?offs?|site visits?|invites?|calendar invites?)\\b`,
);
const externalParty =
  /\b(?:clients?|customers?|vendors?|suppliers?|partners?|auditors?|investors?|candidates?|prospects?|lawyers?|attorneys?|counsel|consultants?|contractors?|agenc(?:y|ies)|recruiters?|journalists?|press|regulators?|banks?|bankers?|landlord|external|third[- ]part(?:y|ies)|procurement|applicants?|interviewees?|reps? from|account managers?|their team|board members?|advisors?|analysts? from|buyers?|distributors?|resellers?|sponsors?|donors?|government|inspectors?)\b/;
/** "the procurement lead at Globex", "someone from Initech": a named organisation. */
const namedOrganisation =
  /\b(?:at|from|of)\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Noon|Midnight|I)\b)[A-Z][\w&.-]+/;

/** Scheduling a meeting with an outside party: P2 (logged, not gated). */
export const meetingRiskRule: RiskRule = (view) =>
  mentionsMeeting.test(view.actionText) &&
  schedules.test(view.actionText) &&
  view.actionClauses.some(
    (clause) => schedules.test(clause.text) && (externalParty.test(clause.text) || namedOrganisation.test(clause.raw)),
  )
    ? [
        {
          ruleId: 'risk.meeting.external',
          grade: 'P2',
          categories: ['external-meeting'],
          reason: 'schedules a meeting with an external party',
        },
      ]
    : [];
