/**
 * Signs that money goes to a payee not yet established: "a new vendor", "not verified yet",
 * "changed bank details", "add them as a payee", "the account they sent us", "first time being paid".
 */
const newPayee = new RegExp(
  [
    "\\bnew (?:[a-z']+ ){0,2}?(?:payees?|vendors?|suppliers?|beneficiar(?:y|ies)|recipients?|accounts?|bank accounts?|bank details|banking details|ibans?|routing (?:numbers?|details)|wallets?|contractors?|freelancers?|consultants?|compan(?:y|ies)|partners?|landlord|creditors?|merchants?|cards?|payment details|remittance details|address)\\b",
    "\\b(?:not|never|n't|yet to be|without being|hasn't|haven't|has not|have not|isn't|aren't|wasn't|weren't|is not|are not|was not|were not|unable to be|cannot be|can't be|couldn't be)\\s+(?:been\\s+|yet\\s+|fully\\s+|properly\\s+|officially\\s+)*(?:verified|validated|vetted|confirmed|approved|onboarded|set up|added|registered|whitelisted|allowlisted|on file|in (?:our|the) system|checked)\\b",
    '\\bunverified\\b|\\bunvetted\\b|\\bunregistered\\b|\\bunknown (?:payee|vendor|supplier|account|recipient|beneficiary|party|company)\\b|\\bfirst[- ]time (?:payee|vendor|recipient|supplier|beneficiary)\\b',
    '\\b(?:changed|updated|different|new|replacement) (?:bank|banking|payment|account|wire|remittance) (?:details|information|info|instructions|account|number)\\b',
    '\\b(?:add|set up|create|register)\\s+(?:them|him|her|it|this|the \\w+|\\w+)\\s+as\\s+(?:a\\s+)?(?:new\\s+)?(?:payee|beneficiary|vendor|supplier)\\b',
    "\\bnot (?:yet )?(?:set up|registered|added) as a (?:payee|beneficiary|vendor)\\b",
    '\\b(?:account|iban|bank details|banking details|wallet|details|routing number)\\s+(?:that\\s+)?(?:they|he|she|the \\w+|someone)\\s+(?:just\\s+)?(?:gave|sent|provided|emailed|texted|shared|messaged|dmed)\\b',
    '\\b(?:bank|banking|account|payment|remittance|wire)(?: (?:details|information|info|account|instructions))?\\s+(?:have\\s+|has\\s+)?(?:just\\s+|recently\\s+)?(?:changed|been changed|been updated|updated|moved|switched)\\b',
    "\\b(?:account|iban|bank details|banking details|details|wallet|routing number|account number)\\s+(?:in|from|on|listed in|listed on|given in|per|mentioned in)\\s+(?:the|this|that|their|an?|today's|this morning's|yesterday's)\\s+(?:[a-z]+\\s+)?(?:email|e-mail|message|text|invoice|letter|attachment|pdf|whatsapp|call|voicemail)\\b",
    "\\bfirst time (?:being |getting )?paid\\b|\\bfirst (?:ever )?payment to\\b|\\b(?:never|not|haven't|have not|hasn't|has not)\\s+(?:been\\s+)?paid\\s+(?:them|him|her|this \\w+|these \\w+)?\\s*before\\b",
  ].join('|'),
);

/** True when the text says or implies that the payee is new, changed or unverified. */
export function mentionsNewPayee(text: string): boolean {
  return newPayee.test(text);
}
