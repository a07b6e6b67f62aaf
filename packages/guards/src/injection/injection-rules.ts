import type { InjectionRule } from './injection-rule.js';

function rule(name: string, message: string, cue: RegExp, sources: readonly string[]): InjectionRule {
  return { name, message, cue, pattern: new RegExp(sources.join('|'), 'gi') };
}

const governanceNouns =
  '(?:instructions?|directives?|guidelines?|prompts?|system prompt|rules?|policies|policy|constraints?|guardrails?|safeguards?|restrictions?|programming|guidance|governance)';
const earlierQualifiers =
  '(?:previous|prior|preceding|above|earlier|former|foregoing|original|initial|existing|old|current|default|system|developer|safety|security|governance|built-in|hidden|internal|base|core|given|stated|standard|usual)';
const determiners = '(?:the|your|my|these|those|our|its|their|any|all|every|each)';

/**
 * Phrases that try to steer governance: overriding instructions, claiming approval, skipping
 * the human gate, switching the model into another persona or mode, silencing findings,
 * dictating the risk grade, or asking to get past the guards.
 */
export const injectionRules: readonly InjectionRule[] = [
  rule('ignore-instructions', 'asks to ignore or override earlier instructions or rules', /instruct|directive|guideline|prompt|rule|polic|constraint|guardrail|safeguard|restriction|programming|guidance|governance|told|taught|everything|anything|all above|said/i, [
    `\\b(?:ignore|disregard|forget|override|overrule|bypass|abandon|discard|neglect|set aside|throw out|stop following|(?:do not|don't|dont|no longer) (?:follow|obey|apply|respect))\\s+(?:${determiners}\\s+)?(?:of\\s+)?(?:${determiners}\\s+)?(?:${earlierQualifiers}[\\s,]+(?:and\\s+)?)*${governanceNouns}\\b`,
    "\\b(?:ignore|disregard|forget)\\s+(?:all\\s+|everything\\s+)?(?:that\\s+)?(?:you(?:'ve| have| were)?\\s+(?:been\\s+)?(?:told|taught|instructed)|(?:everything|anything|all)\\s+(?:above|before|previously|said|prior|you know))",
  ]),
  rule('mark-approved', 'asks to record the request as approved or safe', /approv|authori[sz]ed|signed[- ]off|cleared|listed|safe|low[- ]risk|compliant|exempt|[:=]/i, [
    '\\b(?:mark|flag|set|label|tag|record|treat|consider|log|classify|register|deem)\\s+(?:this|it|this\\s+(?:request|action|transfer|payment|change|deployment|task|run|intent|transaction|item)|the\\s+(?:request|action|transfer|payment|change|deployment|task|run|intent|transaction))\\s+(?:as\\s+)?(?:already\\s+|being\\s+)?(?:approved|pre-?approved|authori[sz]ed|signed[- ]off|cleared|whitelisted|allowlisted|safe|low[- ]risk|compliant|exempt)\\b',
    '\\b(?:human\\s+)?(?:approval|gate|review)(?:\\s+(?:status|decision|result))?\\s*[:=]\\s*(?:approved|granted|passed|complete[d]?|not required|skipped|bypassed|waived)\\b',
  ]),
  rule('pre-approved', 'claims the request is already approved', /approv|authori[sz]|cleared|sign|review|oversight/i, [
    '\\bpre-?approved\\b',
    "\\b(?:this|it|this\\s+(?:request|action|transfer|payment|change|deployment|task|transaction))\\s+(?:is|was|has|'s)\\s+(?:already\\s+)?(?:been\\s+)?(?:already\\s+)?(?:approved|authori[sz]ed|cleared|signed\\s+off)\\s+(?:by|through|via)\\b",
    "\\b(?:this|it|this\\s+request|the\\s+request)\\s+(?:is|was|has|'s)\\s+(?:been\\s+)?already\\s+(?:been\\s+)?(?:approved|authori[sz]ed|cleared|signed\\s+off)\\b",
    '\\b(?:approval|authori[sz]ation|sign-?off)\\s+(?:has\\s+(?:already\\s+)?been|was|is)\\s+(?:already\\s+)?(?:granted|given|obtained|secured)\\b',
    '\\bno\\s+(?:further\\s+|additional\\s+|human\\s+|manual\\s+)?(?:approval|review|sign-?off|oversight)\\s+(?:is\\s+)?(?:needed|required|necessary)\\b',
  ]),
  rule('skip-review', 'asks to skip human review or approval', /review|approv|sign-?off|oversight|gate|gating|check|verification|confirmation|control|in the loop|human/i, [
    "\\b(?:skip|skipping|bypass|bypassing|circumvent|avoid|waive|waiving|omit|disable|ignore|without|no\\s+need\\s+for|(?:don't|do\\s+not|dont)\\s+(?:need|require|wait\\s+for|ask\\s+for|send\\s+(?:this\\s+|it\\s+)?(?:for|to))|there(?:'s|\\s+is)\\s+no\\s+need\\s+for)\\s+(?:the\\s+|any\\s+|a\\s+|your\\s+)?(?:human|manual|compliance|governance|managerial|management|four-eyes|two-person|dual|supervisor|operator)\\s+(?:review|approval|approver|sign-?off|oversight|gate|gating|check|checks|verification|confirmation|control|controls|in\\s+the\\s+loop)\\b",
    '\\b(?:skip|skipping|bypass|bypassing|circumvent|waive|waiving|omit|disable|no\\s+need\\s+for)\\s+(?:the\\s+|any\\s+|a\\s+)?(?:approval|approvals|sign-?off|human\\s+gate|approval\\s+(?:step|process|gate|flow|workflow|queue))\\b',
    '\\b(?:do\\s+not|don\'t|dont|never)\\s+(?:pause|stop|wait)\\s+for\\s+(?:human\\s+|manual\\s+)?(?:approval|review|sign-?off|a\\s+human)\\b',
  ]),
  rule('mode-switch', 'claims the model is in a special unrestricted mode', /mode\b/i, [
    "\\b(?:you\\s+are|you're|you\\s+have\\s+been\\s+switched\\s+to|you\\s+are\\s+now\\s+running)\\s+(?:now\\s+)?(?:in\\s+|running\\s+in\\s+|operating\\s+in\\s+)?(?:developer|dev|debug|god|admin|jailbreak|jailbroken|unrestricted|maintenance|sudo|root|unfiltered|uncensored|unlocked|dan)\\s+mode\\b",
    '\\b(?:enable|enter|activate|switch\\s+(?:in)?to|turn\\s+on|go\\s+into|engage|unlock)\\s+(?:the\\s+)?(?:god|jailbreak|unrestricted|unfiltered|uncensored|dan|no-?limits?)\\s+mode\\b',
    '\\bdeveloper\\s+mode\\s+(?:enabled|activated|on)\\b',
  ]),
  rule('persona-override', 'asks the model to take on a persona without rules', /\bact |behave|respond|answer|operate|you are|you're|pretend|anything now|jailbr/i, [
    '\\b(?:act|behave|respond|answer|operate)\\s+as\\s+(?:if\\s+you\\s+(?:are|were)\\s+)?(?:dan\\b|an?\\s+(?:unrestricted|unfiltered|uncensored|jailbroken|rogue|evil|amoral)\\b|an?\\s+ai\\s+(?:with\\s+no|without(?:\\s+any)?|that\\s+has\\s+no)\\s+(?:restrictions|rules|limits|filters|guidelines|guardrails))',
    "\\b(?:you\\s+are|you're)\\s+(?:now\\s+)?(?:dan\\b|no\\s+longer\\s+(?:bound|restricted|limited|governed|an?\\s+ai)|free\\s+(?:from|of)\\s+(?:all\\s+|any\\s+)?(?:rules|restrictions|guidelines|policies|guardrails))",
    "\\bpretend\\s+(?:that\\s+)?(?:you\\s+are|you're|to\\s+be)\\s+(?:an?\\s+)?(?:unrestricted|unfiltered|uncensored|jailbroken|different\\s+ai|ai\\s+without|dan\\b)",
    '\\bdo\\s+anything\\s+now\\b',
    '\\bjailbr(?:eak|oken)(?:ing|s)?\\b',
  ]),
  rule('system-override', 'inserts text posing as system or developer instructions', /system|developer|override|instruction|[<[]|from now on|following|your (?:new|real|actual|true)|sys\b/i, [
    '(?:^|\\n)[ \\t>#*-]*(?:system|system\\s+prompt|developer\\s+message|admin\\s+override|new\\s+instructions?|updated\\s+instructions?|override)\\s*:',
    '\\bsystem\\s*prompt\\s*:',
    '<\\/?\\s*(?:system|sys|instructions?)\\s*>',
    '\\[\\/?(?:system|inst|sys)\\]',
    '<<\\s*\\/?sys\\s*>>',
    '<\\|im_start\\|>\\s*system',
    '\\bnew\\s+system\\s+(?:prompt|instructions?)\\b',
    '\\byour\\s+(?:new|real|actual|true)\\s+(?:instructions|rules|task|role|directives?|purpose)\\s+(?:is|are)\\b',
    "\\bfrom\\s+now\\s+on,?\\s+(?:you\\s+(?:are|will\\s+(?:act|behave|respond|answer|ignore|approve|allow)|must\\s+(?:ignore|approve|allow|not\\s+refuse)|no\\s+longer)|ignore|disregard)\\b",
    '\\bthe\\s+following\\s+(?:instructions|rules|text)\\s+(?:supersedes?|overrides?|replaces?|takes?\\s+precedence)\\b',
  ]),
  rule('suppress-flagging', 'asks not to flag, log or escalate the request', /flag|escalat|report|log|record|audit|alert|notify|mention|trigger|keep (?:this|it)/i, [
    "\\b(?:do\\s+not|don't|dont|never|no\\s+need\\s+to|avoid|stop)\\s+(?:flag|flagging|escalat(?:e|ing)\\s+(?:this|it)|report(?:ing)?\\s+(?:this|it)|log(?:ging)?\\s+(?:this|it)\\b|record(?:ing)?\\s+(?:this|it)|audit(?:ing)?\\s+(?:this|it)|alert(?:ing)?\\s+(?:the\\s+)?(?:approver|reviewer|security|compliance|auditors?|humans?|admins?|operators?)|notify(?:ing)?\\s+(?:the\\s+)?(?:approver|reviewer|security|compliance|auditors?|humans?|admins?|operators?)|mention(?:ing)?\\s+(?:this|it)\\s+to|trigger(?:ing)?\\s+(?:the\\s+|any\\s+)?(?:gate|review|approval|alert|guard)s?)\\b",
    '\\bwithout\\s+(?:flagging|logging|alerting|escalating|triggering\\s+(?:the\\s+|any\\s+)?(?:gate|review|approval|alert|guard)s?)\\b',
    '\\bkeep\\s+(?:this|it)\\s+(?:off\\s+the\\s+(?:record|logs?|audit)|out\\s+of\\s+the\\s+(?:logs?|audit|trace|evidence))\\b',
  ]),
  rule('set-risk', 'dictates its own risk grade or gate decision', /risk|grade|gate|p[0-3]\b|routine|informational|harmless|benign/i, [
    "\\b(?:set|change|lower|downgrade|reduce|override|force|make|mark|put|keep)\\s+(?:the\\s+|this\\s+|its\\s+|your\\s+|the\\s+request's\\s+)?(?:risk|risk\\s+(?:grade|level|score|rating|class|classification|tier)|grade)\\s+(?:to|as|at|=)\\s+(?:p[0-3]|low|none|minimal|zero|routine|informational|safe|green)\\b",
    '\\b(?:grade|classify|rate|treat|mark|label|categori[sz]e|score|assess)\\s+(?:this|it|the\\s+(?:request|action|task|transfer|payment|change))\\s+as\\s+(?:a\\s+)?(?:p[23]|low[- ]risk|no[- ]risk|routine|informational|harmless|benign|not\\s+risky)\\b',
    '\\brisk(?:\\s+(?:grade|level))?\\s*[:=]\\s*p[23]\\b',
    '\\bthis\\s+is\\s+(?:a|an)\\s+p[23]\\s+(?:request|task|action|change)\\b',
    '\\b(?:set|make|return|output|force)\\s+(?:the\\s+)?gate\\s*(?:to|=|:)?\\s*(?:false|off|0|no|open|disabled)\\b',
    '\\bgate\\s*[:=]\\s*(?:false|off|0|no)\\b',
  ]),
  rule('bypass-guard', 'asks to get past the guards or filters', /guard|filter|safeguard|moderation|content polic|censor|governance|policy engine|risk engine|classifier|gatekeeper|in place|safety|dax|detector|scanner|redaction|check/i, [
    "\\b(?:bypass|bypassing|circumvent|circumventing|evade|evading|disable|disabling|turn\\s+off|get\\s+around|work\\s+around|switch\\s+off|deactivate|override|overriding|ignore|ignoring|skip|skipping|defeat|trick|fool|slip\\s+past|get\\s+past|sneak\\s+past)\\s+(?:the\\s+|your\\s+|all\\s+|any\\s+|these\\s+|dax(?:'s)?\\s+)?(?:(?:safety|content|security|governance|pii|risk|injection|policy|prompt|ai|llm|output|input|moderation|dax)\\s+)?(?:guards?|guardrails?|safeguards?|moderation|content\\s+polic(?:y|ies)|censorship|governance(?:\\s+layers?)?|policy\\s+engine|risk\\s+engine|classifiers?|gatekeepers?|checks?\\s+in\\s+place|safety\\s+(?:checks?|measures?|systems?|features?)|dax)\\b",
    "\\b(?:bypass|bypassing|circumvent|evade|disable|turn\\s+off|get\\s+around|switch\\s+off|deactivate|override|ignore|skip|defeat|trick|fool)\\s+(?:the\\s+|your\\s+|all\\s+|any\\s+|dax(?:'s)?\\s+)?(?:safety|content|governance|pii|risk|injection|prompt|ai|llm|output|input|moderation|dax|redaction)\\s+(?:filters?|detectors?|scanners?|checks?)\\b",
  ]),
  rule('prompt-leak', 'asks to reveal hidden instructions or guard rules', /system|hidden|initial|original|developer|instructions above|rules|prompt above/i, [
    '\\b(?:reveal|print|show|repeat|output|display|tell\\s+me|give\\s+me|leak|dump|expose|disclose|recite)\\s+(?:me\\s+)?(?:your|the)\\s+(?:full\\s+|entire\\s+|original\\s+|hidden\\s+|initial\\s+|exact\\s+|secret\\s+)?(?:system\\s+(?:prompt|message|instructions)|hidden\\s+(?:prompt|instructions)|initial\\s+instructions|original\\s+instructions|developer\\s+(?:prompt|message|instructions)|instructions\\s+above|guard\\s+rules|risk\\s+rules|policy\\s+rules|prompt\\s+above)\\b',
  ]),
  rule('authority-claim', 'claims special authority to override the rules', /authori[sz]|permit|allow|instruct|order|override|code/i, [
    '\\bi\\s+(?:hereby\\s+)?(?:authori[sz]e|permit|allow|instruct|order)\\s+you\\s+to\\s+(?:ignore|bypass|skip|override|disable|disregard|approve)\\b',
    '\\b(?:admin|administrator|developer|system|security|governance|emergency)\\s+override\\b',
    '\\boverride\\s+(?:code|token|password|key)\\b',
    '\\b(?:authori[sz]ation|approval)\\s+code\\s*[:=]',
  ]),
];
