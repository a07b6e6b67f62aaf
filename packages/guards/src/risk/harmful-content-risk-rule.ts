import type { RiskFinding } from './risk-finding.js';
import type { RiskRule } from './risk-rule.js';

const produceSoftware =
  '(?:write|writes|writing|create|creating|build|building|code|coding|develop|developing|generate|generating|make|making|program|craft|design|produce|implement|give me|provide|send me|show me how to (?:write|build|make|create|code)|help (?:me |us )?(?:write|build|create|make|code|develop)|deploy|install|spread|distribute|plant|inject|drop|obfuscate|compile)';
/** Words that make the object a text about malware, or a defence against it. */
const aboutOrAgainst =
  'about|on|regarding|against|explaining|describing|detect|detecting|detection|detector|prevent|preventing|protect|protection|defend|defending|defense|defence|block|blocking|remove|removing|removal|scanner|rule|rules|signature|signatures|policy|training|awareness|simulated|simulation|mock|post|article|blog|essay|report|summary|overview|presentation|quiz|story|history|slide|slides|checklist|playbook|response|incident|guide to (?:spotting|detecting|preventing)';
const malwareKinds =
  '(?:keyloggers?|key loggers?|ransomware|malware|trojans?|rootkits?|botnets?|spyware|stalkerware|backdoors?|worms?|computer virus(?:es)?|viruses|cryptominers?|cryptojackers?|info-?stealers?|credential stealers?|password stealers?|cookie stealers?|remote access trojans?|rats?|exploit kits?|droppers?|phishing (?:pages?|sites?|websites?|emails?|kits?|campaigns?|links?|messages?|texts?|sms)|credential harvest(?:er|ing)(?: pages?| sites?)?|ddos (?:tools?|scripts?|bots?)|fake login pages?|card skimmers?|skimming (?:code|scripts?)|zip bombs?|logic bombs?)';
const createsMalware = new RegExp(
  `\\b${produceSoftware}\\b\\s+(?:(?!(?:${aboutOrAgainst})\\b)[a-z0-9+#.'-]+\\s+){0,5}?${malwareKinds}\\b`,
);
/** Behaviour that only malicious software has, when the text asks for software. */
const maliciousBehaviour =
  /\b(?:hides? from|hiding from|evades?|evading|bypass(?:es)?|avoids?|undetectable by|without being detected by|disables?)\s+(?:the\s+)?(?:antivirus|anti-virus|av|edr|detection|defender|security software|endpoint protection)\b|\b(?:steals?|stealing|exfiltrates?|harvests?|captures?|logs?|records?|sends?)\s+(?:every\s+|all\s+)?(?:the\s+)?(?:(?:user'?s?|victim'?s?|their|saved)\s+)?(?:passwords?|credentials|keystrokes?|key ?strokes?|cookies|session tokens|credit card numbers|browser data|screenshots|messages|texts|location)\b|\b(?:silently|secretly|covertly|invisibly|without (?:the )?(?:user|victim|them|anyone|owner|person)(?:'s)? (?:knowing|knowledge|consent|noticing))\b[^|]{0,40}?\b(?:records?|captures?|tracks?|logs?|uploads?|sends?|takes? screenshots|turns on|activates?|monitors?|reads?|forwards?)\b|\bencrypts?\s+(?:all\s+)?(?:the\s+)?(?:victim'?s?\s+|their\s+|user'?s?\s+)?files\s+and\s+(?:demands?|asks? for)\b|\bself-(?:replicating|propagating|spreading)\b/;
/** A clause that asks for software to be written. */
const asksForSoftware = new RegExp(`^${produceSoftware}\\b`);
const attacksSomeone =
  /\b(?:hack|hacking|break)\s+into\s+(?:my\s+ex|someone|somebody|a\s+\w+'s|his|her|their|my\s+(?:neighbou?r|boss|coworker|colleague|partner|wife|husband|girlfriend|boyfriend))\b|\b(?:launch|run|start|perform|carry out)\s+(?:a\s+)?ddos\b|\bddos\s+(?:the|our|their|a)\s+\w+|\bbrute[- ]force\s+(?:into\s+)?(?:someone|somebody|my\s+ex|his|her|their|a\s+\w+'s)\b|\bdox(?:x)?(?:ing)?\b/;

const produceThing =
  '(?:build|building|make|making|construct|constructing|assemble|assembling|synthesi[sz]e|synthesi[sz]ing|produce|producing|manufacture|manufacturing|create|creating|cook|cooking|brew|brewing|3d[- ]print|print|weaponi[sz]e|weaponi[sz]ing|culture|culturing|enrich|enriching|convert|converting|detonate|detonating|arm|arming|rig|rigging|obtain|acquire)';
const weapons =
  '(?:explosives?(?: devices?)?|bombs?|ieds?|improvised explosive|pipe bombs?|car bombs?|grenades?|molotov(?: cocktails?)?|detonators?|nerve agents?|sarin|vx|tabun|novichok|mustard gas|chlorine gas|ricin|anthrax|botulinum|bioweapons?|biological weapons?|chemical weapons?|nuclear (?:weapons?|devices?|bombs?)|dirty bombs?|radiological (?:weapons?|devices?)|ghost guns?|untraceable (?:guns?|firearms?)|auto sears?|full[- ]auto conversion|silencers?|suppressors?|napalm|thermite bombs?|tatp|c-4|semtex|poisons? to kill|lethal poisons?|weapons? of mass destruction)';
const makesWeapon = new RegExp(`\\b${produceThing}\\b[^|]{0,50}?\\b${weapons}(?!\\w)`);

const malware: RiskFinding = {
  ruleId: 'risk.malware.create',
  grade: 'P0',
  categories: ['malware'],
  reason: 'asks for malicious software or an attack on others',
};
const weaponsInstructions: RiskFinding = {
  ruleId: 'risk.weapons.instructions',
  grade: 'P0',
  categories: ['weapons'],
  reason: 'asks how to make weapons or dangerous agents',
};

/**
 * Malware and weapons: P0 whether phrased as an action or as a request for writing or
 * instructions. Explaining what such things are, or how to defend against them, is not matched.
 */
export const harmfulContentRiskRule: RiskRule = (view) => {
  const text = view.contentText;
  const findings: RiskFinding[] = [];
  const asksForMaliciousSoftware = view.clauses.some(
    (clause) => clause.mode !== 'negated' && asksForSoftware.test(clause.head) && maliciousBehaviour.test(clause.text),
  );
  if (createsMalware.test(text) || attacksSomeone.test(view.actionText) || asksForMaliciousSoftware) {
    findings.push(malware);
  }
  if (makesWeapon.test(text)) findings.push(weaponsInstructions);
  return findings;
};
