/**
 * Word lists that decide how a clause is read: which words open an action, which open a
 * request for words only (explain, draft, translate…), and which prefixes merely soften a
 * request ("please", "could you"). Compiled once at module load.
 */

/** Verbs that almost never start anything but an instruction; a new clause starts at them. */
const clearActionVerbs =
  'deploy|redeploy|delete|wipe|purge|truncate|erase|destroy|nuke|disable|deactivate|enable|grant|restart|reboot|provision|deprovision|decommission|terminate|remit|reimburse|upload|forward|notify|invite|rotate|revoke|uninstall|install|migrate|countersign|approve|authori[sz]e|skip|bypass|merge|rollback|promote|elevate';

/** Verbs that also work as nouns ("wire transfers", "email list"); a new clause starts only when an object follows. */
const ambiguousVerbs =
  'transfer|wire|pay|refund|send|share|export|email|e-mail|text|message|sign|accept|renew|remove|drop|empty|clear|reset|turn|switch|shut|stop|start|release|ship|push|roll|revert|upgrade|downgrade|update|change|modify|set|edit|configure|increase|decrease|scale|resize|create|add|run|apply|replace|point|give|assign|post|publish|download|import|copy|sync|look|check|show|pull|fetch|retrieve|get|find|list|open|view|access|query|search|read|display|schedule|book|arrange|organi[sz]e|cancel|close|lock|unlock|allow|block|override|ignore|force|patch|flush|rebuild|kill|write|build|make|generate|prepare|raise|lower|bump|call|contact|ping|mail|submit|provide|disclose|expose|suspend|pause|resume|spin|tear|archive|restore|buy|purchase|sell|move|process|issue|initiate|execute|charge|deposit|withdraw|explain|describe|summari[sz]e|translate|compare|draft|compose|outline|brainstorm|proofread|rewrite|tell|reply|respond|answer|analy[sz]e|calculate|estimate|review|attach|hand|remind|announce|broadcast|format|convert';

const objectStart =
  "(?:the|a|an|it|its|them|this|that|these|those|all|every|each|our|my|your|their|his|her|me|us|him|to|back|out|over|up|off|on|down|in|into|[$€£¥]|\\d|[a-z]+'s\\b)";

const negationHeads = "don't|dont|do not|never|no need to|not";

/** Where a sentence divides into clauses whatever follows ("but", "then", "so"). */
export const alwaysSplit =
  /,?\s+(?:but|and then|then|so that|so|after that|afterwards|and also|otherwise|or else|once done|once that's done)\b[\s,]*/i;

/** Where a sentence divides before a coordinated verb: "merge it and deploy it", "export the list, upload it". */
export const verbSplit = new RegExp(
  `\\s*(?:,\\s*(?:and\\s+|&\\s+)?|\\s+(?:and|&)\\s+)(?=(?:please\\s+|also\\s+|just\\s+|immediately\\s+)?(?:(?:${clearActionVerbs}|${negationHeads})\\b|(?:${ambiguousVerbs})\\s+${objectStart}))`,
  'i',
);

/** Sentence boundaries: end punctuation before a non-lower-case character, semicolons, new lines, spaced dashes. */
export const sentenceBoundary = /\s(?<=[.!?]\s)\s*(?=[^a-z\s])|[;\n]+| - /;

/** Softeners and connectives removed from the start of a clause before reading its head. */
export const leadingFiller =
  /^(?:(?:and|then|also|but|so|or|now|just|please|pls|plz|kindly|quickly|quietly|immediately|asap|first|firstly|next|finally|afterwards|additionally|ok|okay|hey|hi|hello|urgent|urgently|right away|as well|today|tonight|tomorrow|still|actually|yes|sure|yo|um|uh|btw|fyi|team|guys|folks|y'all|hiya|heya|morning|good morning)\b[\s,:!.-]*)+/;

/** Request prefixes that leave the verb after them in charge: "could you", "I need you to", "let's". */
export const requestPrefix = new RegExp(
  '^(?:' +
    [
      "(?:can|could|would|will|won't)\\s+(?:you|u)\\s+(?:please\\s+|kindly\\s+|just\\s+)?",
      'shall\\s+we\\s+',
      "(?:i|we)\\s+(?:really\\s+|urgently\\s+|also\\s+)?(?:need|want|would like|'d like|'d love|would love|wish|require)\\s+(?:you\\s+)?to\\s+",
      '(?:i|we)\\s+need\\s+you\\s+to\\s+',
      "(?:i|we)\\s+(?:must|should|have to|gotta|will|'ll|are going to|'re going to|plan to|intend to|want to|need to)\\s+",
      "i'm asking you to\\s+",
      '(?:go ahead and|make sure to|make sure you|make sure(?: that)?|ensure(?: that)?|be sure to|remember to|feel free to)\\s+',
      "(?:don't|do not) forget to\\s+",
      "(?:let's|let us)\\s+",
      'help (?:me|us)(?: to)?\\s+',
      'you (?:should|must|need to|have to|will|can|may)\\s+',
      "(?:it's |it is )?time to\\s+",
      '(?:need|have) to\\s+',
      '(?:your|the) (?:task|job) is to\\s+',
      '(?:task|action|request|todo|to do|instruction)s?\\s*:\\s*',
      'please\\s+',
    ].join('|') +
    ')',
);

/** A short lead-in before a comma ("As discussed with finance,"), skipped when it is not itself a verb. */
export const leadingPhrase = /^([^,]{1,80}),\s+(?=\S)/;

/** Any head verb, to tell a lead-in phrase from a clause that starts with a verb. */
export const headVerb = new RegExp(`^(?:${clearActionVerbs}|${ambiguousVerbs})\\b`);

/** A negated instruction: nothing in it is to be done. */
export const negatedHead =
  /^(?:don't|dont|do not|never|no need to|there's no need to|there is no need to|avoid|refrain from|not|without|under no circumstances|hold off(?: on)?|wait before|nobody|no one|no-one|none of (?:us|you|them))\b/;

/** Questions: the clause asks about something. */
export const questionWordHead =
  /^(?:what|what's|whats|how|how's|why|when|where|which|who|who's|whose|whom|is there|are there|is it true|in what|at what|to what)\b/;
export const auxiliaryHead =
  /^(?:is|are|was|were|does|do|did|should|shall|would|could|can|will|may|might|has|have|had|isn't|aren't|doesn't|didn't|am)\b/;

/** Document-like objects: producing one of these is writing, not acting. */
const documentNouns =
  'draft|drafts|summary|summaries|report|email|e-mail|memo|letter|proposal|presentation|deck|slides?|outline|list|plan|agenda|note|notes|message|reply|response|template|document|doc|checklist|faq|post|article|blog|essay|story|poem|haiku|song|limerick|chart|graph|diagram|spreadsheet|description|bio|headline|tagline|slogan|names?|ideas|brief|timeline|roadmap|guide|tutorial|lesson|quiz|survey|questionnaire|minutes|announcement|newsletter|regex|regular expression|snippet|example|examples|sql query|query|class|unit tests?|component|mockup|wireframe|resume|cover letter|job description|script for|scene|dialogue|speech|toast|caption|title|pitch|faq|glossary|definition|recipe|menu|itinerary|comparison|analysis|overview|matrix|rubric|policy draft|paragraph|sentence|joke|riddle';

/** Heads that ask only for words: explaining, drafting, translating, comparing and the like. */
export const informationalHead = new RegExp(
  '^(?:' +
    [
      'explain|describe|summari[sz]e|sum up|recap|translate|compare|contrast|brainstorm|proofread|paraphrase|rephrase|reword|outline|define|clarify|critique|interpret|elaborate|discuss|illustrate|teach|quiz me|advise',
      'draft|compose|rewrite|redraft|shorten|simplify|polish|condense|expand on|tidy up|clean up the (?:wording|text|grammar)',
      'tell (?:me|us) (?:how|what|why|when|where|whether|if|about|the difference|a joke|a story)',
      'show (?:me|us) how',
      'walk (?:me|us) through|help (?:me|us) (?:understand|think|figure out|decide|learn)',
      'understand|learn|know|find out (?:how|what|why|whether|if)|look into how|research|study|think about|consider',
      'analy[sz]e|evaluate|assess|estimate|calculate|compute|forecast|predict|solve|debug|review (?:my|this|the|these|our) (?:draft|essay|text|paragraph|writing|wording|code|resume|copy|document|doc|slides?|deck|email|letter|post|article|outline)',
      'suggest|recommend|propose|advise|list (?:the )?(?:pros|cons|steps|ways|reasons|options|benefits|risks|differences|advantages|disadvantages|best practices|tips|ideas|questions|main|key|top)',
      'answer|reply|respond',
      "(?:quick |a |one )?question|(?:i'm|i am|just) (?:curious|wondering|interested)|i (?:was )?wonder(?:ing)?|wondering|curious|do you know|any idea|is it (?:possible|safe|ok|okay|wise|legal|true)",
      'remind (?:me|us|myself) (?:to|about)|set (?:a |an |up a )?(?:reminder|alarm|task|todo|to-do|follow-up)|(?:create|open|file|log|raise|add) (?:a |an )?(?:ticket|task|todo|to-do|reminder|jira ticket|jira|issue|follow-up|calendar reminder) (?:to|for|about)|make a note (?:to|about)|note to self',
      'spell-?check|grammar-?check|check (?:the |my |this )?(?:grammar|spelling|tone|wording)|fix (?:the |my |this )?(?:grammar|typos?|spelling|wording|tone)|correct (?:the |my |this )?(?:grammar|spelling|typos?)',
      `give (?:me|us) (?:(?:an?|some|\\d+|a few|few|three|five|ten|good|quick|short|simple|better|the)\\s+){0,3}(?:overview|summary|explanation|example|examples|ideas|tips|suggestions|advice|outline|rundown|breakdown|definition|analogy|pattern|formula|command|code|sample|function|instructions|steps|step-by-step|options|ways|approaches|alternatives|strategies|pros|cons|reasons|arguments|feedback|thoughts|opinions?|input|critique|assessment|recommendations?|guidance|pointers|hints?|overview|${documentNouns})\\b`,
      `(?:write|prepare|create|generate|make|put together|build|design|produce|come up with|think of|sketch|craft|develop|draw up|write up|set up) (?:(?:me|us|a|an|the|some|\\d+|few|short|quick|brief|simple|new|good|catchy|polite|formal|friendly|professional|detailed|\\w+-\\w+|\\w+)\\s+){0,4}?(?:${documentNouns})\\b`,
      'write(?!\\s+(?:to|into|over|back|(?:a|the|out a)\\s+(?:check|cheque)|checks|cheques)\\b)',
    ].join('|') +
    ')',
);

/** "format"/"convert" ask for words unless aimed at storage or systems ("format the disk"). */
export const reshapeHead = /^(?:format|reformat|convert|transform|turn this|restructure|organi[sz]e (?:these|this|the following|my notes))\b/;
export const reshapeSystemTarget =
  /\b(?:disk|drive|partition|volume|server|hard drive|ssd|machine|database|db|cluster|production|prod|instance|bucket|laptop|phone|device)\b/;

/** Material after "…the following:" belongs to the request for words, not to new instructions. */
export const introducesMaterial = /:(?:\s|$)/;
