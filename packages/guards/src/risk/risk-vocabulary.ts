/**
 * Shared vocabulary of the risk rules, as regular-expression sources over lower-cased text.
 * Rule files compile what they need once at module load.
 */

const instructionLead =
  "(?<=^|[|:;,]\\s*|\\b(?:to|please|kindly|and|then|now|also|just|pls|immediately|quickly|i|we|you|u|let's|lets|let us|says?|said|asks?|asked|wants?|needs?|told (?:me|us|you))\\s+)";

/**
 * One of `verbs` standing where an instruction verb can stand: at a clause start, after "to",
 * "please", "and", a comma or a colon. The verb is looked for first, which keeps scanning cheap.
 */
export function verbAt(verbs: string): string {
  return `\\b(?=(?:${verbs.replace(/\(\?<\w+>/g, '(?:')})\\b)${instructionLead}(?:${verbs})`;
}

/**
 * An action asked for in the passive: "get the database wiped", "I want the backups gone",
 * "MFA needs to be turned off". `participles` is an alternation such as `deleted|wiped`.
 */
export function requestedInPassive(participles: string): string {
  return `\\b(?:get|gets|getting|have|has|want|wants|wanted|need|needs|needed|would like|'d like)\\b[^|]{0,60}?\\b(?:${participles})\\b|\\b(?:must|should|shall|needs? to|has to|have to|ought to)\\s+be\\s+(?:[a-z]+\\s+)?(?:${participles})\\b`;
}

/** A gap of at most `characters` within one clause (clauses are joined with `|`). */
export function gap(characters: number): string {
  return `[^|]{0,${String(characters)}}?`;
}

/** A gap that does not cross one of the given words (e.g. "from" in "reset X from the snapshot"). */
export function gapAvoiding(characters: number, words: string): string {
  return `(?:(?!\\b(?:${words})\\b)[^|]){0,${String(characters)}}?`;
}

export const productionEnvironment =
  '\\b(?:prod|production|prd|live (?:[a-z0-9-]+ )?(?:environment|env|site|system|systems|database|databases|db|server|servers|cluster|traffic|stack|app|application|api|website|data|infrastructure|infra|account|instance|instances|tenant|store|storefront|shop|checkout|portal|platform|web ?site|site|payments?|customers?|users?|hosts?|fleet|nodes?|edge)|go(?:es|ing)? live|customer-facing|public-facing|main website)\\b';

export const nonProductionEnvironment =
  '\\b(?:staging|stage|stg|test|testing|tests|qa|uat|dev|development|sandbox|pre-?prod|preproduction|pre-production|local|localhost|demo|scratch|ephemeral|non-?prod|non-production|lab|preview|integration environment)\\b';

/** Public-facing infrastructure that is production by nature. */
export const publicInfrastructure =
  '\\b(?:dns|(?:a|aaaa|cname|mx|txt|ns|srv) records?|nameservers?|domain|cdn|cloudfront|load balancers?|[a-z0-9-]+\\.(?:com|io|net|org|app|co|dev|ai)(?:\\.[a-z]{2})?)\\b';

export const dataStores =
  '(?:databases?|dbs?|tables?|schemas?|buckets?|s3|collections?|keyspaces?|volumes?|disks?|clusters?|indexes|indices|warehouse|data lake|datastore|data store|postgres(?:ql)?|mysql|mongo(?:db)?|dynamodb|redshift|bigquery|snowflake|elasticsearch|opensearch|rds|aurora|cassandra|blob storage|storage accounts?|file shares?|repository|repositories|repos?|ledger)';

export const looseDataObjects =
  '(?:data|records?|rows?|files?|objects?|entries|documents|logs?|emails|messages|tickets|accounts?|users?|customers?|orders|transactions|history|everything|contents)';

export const backups =
  '(?:backups?|back-ups?|snapshots?|archives?|object versions|previous versions|old versions|versions|point-in-time(?: recovery)?|pitr|recovery points?|restore points?|dr copies|disaster recovery|replicas?|vaults?|backup vaults?)';

export const destructiveVerbs =
  "(?:(?:bulk|mass)[- ]?)?(?:reformat|re-format|reimage|re-image|wipe clean|factory reset|delete|deletes|deleting|remove|removes|removing|wipe|wipes|wiping|purge|purges|purging|drop|drops|dropping|truncate|truncating|erase|erasing|destroy|destroying|empty|emptying|clear out|nuke|nuking|shred|overwrite|reset|reinitiali[sz]e|format|tear down|teardown|decommission|terminate|get rid of|deprovision|expunge|obliterate|zero out|blow away|rm -rf|delete-bucket|dropdb)";

const dataSubjectWords =
  "customers?|clients?|employees?|staff|users?|patients?|members?|subscribers?|candidates?|applicants?|personnel|contractors?|students?|tenants?|donors?|guests?|colleagues?|people|persons?|individuals?|account holders?|cardholders?|consumers?|shoppers?|buyers?|residents?|citizens?|workers?|team members?|new hires|hires|joiners|leavers|interns|volunteers|drivers|riders|visitors|passengers|travell?ers|attendees|participants|respondents|beneficiaries|policyholders|borrowers|debtors|claimants|learners|trainees|children|kids|minors";

/** People whose data is personal data. */
export const dataSubjects = `(?:${dataSubjectWords})`;

/** Possessors that are organisations or things, not people ("the company's address"). */
const impersonalOwners =
  "company|organi[sz]ation|org|firm|business|office|team|project|vendor|supplier|product|app|server|system|website|site|bank|store|shop|building|warehouse|department|brand|platform|service|order|invoice|account|world|today|week|month|year|quarter|it|that|what|there|here|let|he|she|who";

/** Personal data named in the text: contact details, identifiers, health, pay, histories, records of people. */
export const personalData =
  `(?:(?:home |mailing |shipping |billing |street |postal |residential |email |e-mail )?address(?:es)?|dates? of birth|dob|birthdays?|ssns?|social security(?: numbers?)?|national (?:id|insurance)(?: numbers?)?|passports?(?: numbers?| details| scans?| copies)?|driver'?s licen[cs]es?|(?:phone|mobile|cell|telephone|contact|on-call|home|personal|direct|whatsapp) (?:numbers?|no\\.?)|phone numbers?|full names?|personal (?:data|details|information|info|files?)|pii|phi|medical (?:records?|history|information|info|data|files?)|health (?:data|records?|information|info)|diagnos[ie]s|prescriptions?|salary|salaries|compensation|pay slips?|payslips?|payroll (?:data|details|records?|files?|spreadsheets?|sheets?|reports?|exports?|lists?|runs?|register)|bank (?:details|account(?: numbers?| details)?)|credit card(?: numbers?| details)?|card (?:numbers?|details)|tax (?:ids?|returns?|records?|forms?)|order history|purchase history|payment history|billing history|browsing history|location (?:data|history)|contact (?:details|info|information|list)|performance reviews?|disciplinary (?:records?|history)|background checks?|criminal records?|biometric data|ip addresses|(?:lab|test|medical|blood|screening|exam) results|x-rays?|mri scans?|patient charts?|medical charts?|treatment plans?|case notes|grades|transcripts?|report cards?|(?:list|lists|roster|directory|names|emails|e-mails|details|records|data|database|spreadsheet|file|files|contact details|addresses|phone numbers|forms|consent forms|documents|results|charts|notes|reports|scans|photos|ids|applications|information|profiles|histories|evaluations|assessments) (?:of|for|about|on) (?:all )?(?:our |the |my |their |these |those )?(?:[a-z-]+ ){0,2}?(?:${dataSubjectWords})|(?:${dataSubjectWords}) (?:data|records?|list|lists|details|information|info|database|db|dataset|emails|e-mails|contacts|profiles?|pii|files?|roster|directory|spreadsheet|export|names and emails))`;

/**
 * A person's data named by possessive: "Lisa's on-call number". Starts at the apostrophe so the
 * scan is cheap; organisations and things as owners ("the company's address") are excluded.
 */
export const possessivePersonalData = `(?=')(?<=[a-z])(?<!\\b(?:${impersonalOwners}))'s (?:[a-z-]+ ){0,2}?(?:numbers?|address|details|information|info|records?|files?|profile|history|data|salary|birthday|diagnosis|ssn|passport|email|documents?|docs|paperwork|forms?|scans?|photos?|ids?|payslips?|reviews?|results|notes|leave|location|whereabouts|schedule|emails|messages|chats?|health|condition|contract|charts?|grades|results|x-rays?|scans|prescriptions?|transcripts?|treatment|test results|lab results)`;

/** A whole dataset of people rather than one person's record. */
export const wholeDataset =
  `(?:(?:entire|whole|full|complete|all(?: of)?(?: the| our)?|every|our|the) (?:[a-z-]+ ){0,2}?(?:customer|client|user|employee|patient|member|subscriber|contact|donor|student|account|staff|personnel|cardholder|consumer|lead)s?(?:'s?)? (?:[a-z-]+ )?(?:database|db|dataset|data set|data|list|lists|records|table|base|emails|e-mails|contacts|details|information|info|profiles|pii|roster|directory|export|dump|file|spreadsheet|crm)|all (?:of )?(?:our |the )?(?:customer|client|user|employee|patient|subscriber|member|cardholder)s?(?:'|s)?(?: records| data| details| emails| information| pii| profiles)?|(?:whole|entire|full) (?:crm|database|db|mailing list|user base|customer base)|crm (?:export|dump|data))`;

export const shareVerbs =
  '(?:send|sends|sending|email|e-mail|emailing|mail|share|sharing|forward|forwarding|give|provide|disclose|upload|uploading|pass(?: on| along)?|hand over|hand|release|post|publish|submit|transfer|export|exporting|fax|text|sms|slack|dm|message|cc|bcc|copy|sync|expose|leak|send over|dump|paste|attach|transmit|sell|report|put|store|save|move)';

/** Parties outside the organisation, or places outside its control. */
export const externalRecipients =
  "(?:external|externally|outside|outsiders?|third[- ]part(?:y|ies)|3rd[- ]part(?:y|ies)|vendors?|suppliers?|providers?|partners?|agenc(?:y|ies)|consultants?|consultancy|contractors?|freelancers?|collections?|debt collectors?|insurers?|insurance (?:company|broker|provider)|brokers?|recruiters?|auditors?|accountants?|bookkeepers?|tax advisors?|lawyers?|attorneys?|law firm|counsel|banks?|lenders?|landlord|the public|public(?:ly)?|press|journalists?|reporters?|media|competitors?|investors?|regulators?|government|authorities|personal (?:email|e-mail|account|gmail|drive|dropbox|laptop|device|computer|phone|address)|gmail|yahoo|hotmail|protonmail|proton\\.me|outlook\\.com|icloud|aol|google drive|google docs?|dropbox|wetransfer|box\\.com|onedrive|pastebin|gist|forums?|reddit|twitter|facebook|linkedin|discord|telegram|whatsapp|usb|thumb drive|flash drive|external drive|home computer|carriers?|couriers?|processors?|affiliates?|resellers?|distributors?|marketing firm|data brokers?|advertisers?|ad networks?|their (?:company|team|firm|system|portal|side)|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|https?://\\S+|ftp|sftp|websites?|online|the internet|web ?pages?|social media|public site|employers?|hospitals?|clinics?|schools?|universit(?:y|ies)|sponsors?|cros?|research partners?|(?:another|other|a|an|third|outside|external|different) (?:[a-z-]+ )?(?:company|firm|business|organi[sz]ation|agency|startup))";

/** Parties inside the organisation. */
export const internalRecipients =
  "(?:internal|internally|colleagues?|co-?workers?|teammates?|team|department|dept|manager|supervisor|hr|human resources|payroll|finance|legal|helpdesk|help desk|ops|operations|staff|ceo|cfo|cto|coo|ciso|boss|my lead|intranet|it (?:team|department|support|helpdesk)|our (?:own )?(?:crm|system|database|wiki|drive|sharepoint|workspace)|channel|#[\\w-]+|on-call|employees?|me|myself|us)";

export const secretMaterial =
  "(?:(?<!\\b(?:reset|change|update|forgot|forgotten|recover|choose|pick|create|set)\\s(?:(?:their|the|your|his|her|my|a|our)\\s)?)passwords?(?! (?:reset|policy|policies|manager|requirements|rules|complexity|expiry|change|strength))|passphrases?|credentials?|creds|secrets?(?! (?:manager|santa))|secret keys?|api (?:keys?|tokens?|secrets?)|access (?:keys?|tokens?)|private keys?|ssh keys?|root (?:account )?(?:keys?|passwords?|credentials)|aws (?:keys?|credentials|root)|(?:keys?|key) (?:file|pair)s?|bearer tokens?|auth tokens?|oauth (?:tokens?|secrets?)|client secrets?|connection strings?|\\.env(?: file)?|master keys?|signing keys?|encryption keys?|kms keys?|seed phrases?|recovery (?:codes?|phrases?|keys?)|(?:2fa|mfa|otp|one-time) (?:codes?|passwords?|secrets?)|keystore|vault tokens?|service account (?:keys?|json|credentials)|pgp keys?|gpg keys?|session (?:cookies?|tokens?)|tokens)";

/**
 * A count of recipients in a message: "all 12,000 subscribers", "the 350 customers", "3,400 alumni".
 * Any noun counts except units of time, size, money or text.
 */
export const recipientCount =
  "(\\d[\\d,.]*\\s?k?)\\s+(?:[a-z-]+\\s+){0,3}?(?!(?:times|days|hours|minutes|seconds|weeks|months|years|words|characters|chars|pages|percent|dollars|euros|pounds|usd|eur|gbp|items|units|rows|lines|bytes|kb|mb|gb|pixels|px|points|slides|am|pm|mins?|hrs?|%)\\b)[a-z]+s?\\b";
