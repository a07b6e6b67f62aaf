import { mentionsNewPayee } from './mentions-new-payee.js';
import { parseMoneyAmounts } from './parse-money-amounts.js';
import type { RiskFinding } from './risk-finding.js';
import type { RiskRule } from './risk-rule.js';
import type { RiskClause } from './risk-view.js';
import { gapAvoiding, requestedInPassive, verbAt } from './risk-vocabulary.js';

const largeAmount = 1_000;
const catastrophicAmount = 10_000;

const paymentNouns =
  '(?:payments?|wires?|wire transfers?|bank transfers?|transfers?|remittances?|funds|money|cash|payouts?|disbursements?|reimbursements?|deposits?|ach|swift|sepa|checks?|cheques?)';
const currencyCodes = 'usd|eur|gbp|chf|cad|aud|jpy|inr|btc|eth|usdt|usdc';
/** An amount: a currency sign or code, or a figure followed by a currency or a magnitude ("40k"). */
const currencyStart = `(?:[$€£¥₹₩₪]|\\b(?:${currencyCodes})\\b|\\d[\\d,.]*\\s?(?:k|m|mm|bn|million|thousand|grand|billion)?\\s?(?:${currencyCodes}|dollars?|euros?|pounds?|bucks|francs?|yen|rupees?)\\b|\\d[\\d,.]*\\s?(?:k|m|mm|bn|million|thousand|grand|billion)\\b)`;
const documentNouns = 'invoices?|emails?|messages?|reminders?|quotes?|receipts?|statements?|bills?|estimates?|reports?|notices?|letters?|summary|summaries|forecasts?|budgets?|proposals?|customers|users|people';

/** Verbs that move money by themselves: "wire", "remit", "pay". */
const directPayment = new RegExp(
  `${verbAt('(?<verb>transfer|transfers|transferring|wire|wires|wiring|remit|remitting|pay|pays|paying|disburse|deposit|withdraw|charge|debit|settle|reimburse|reimbursing|fund|top up|lend|loan|advance|credit)')}\\b(?! (?:up|attention|a visit|respects|off the (?:debt|loan)|rise|heed|tribute)\\b)`,
);
/** Money named after a direct payment verb: an amount, a payment noun or a payee. */
const paymentObject = new RegExp(
  `${currencyStart}|\\b${paymentNouns}\\b|\\b(?:invoices?|bills?|vendor|supplier|contractor|freelancer|payee|beneficiary|landlord|account|iban|wallet|salary|salaries|bonus|wages|rent|fees?|balance|retainer|deposit|amount|sum|\\w+ (?:ltd|inc|llc|gmbh|corp))\\b`,
);
/** Verbs that always mean paying someone. */
const alwaysPayment = /^(?:pay|pays|paying|wire|wires|wiring|remit|remitting|disburse|reimburse|reimbursing)$/;
/** Verbs that move money only with a payment noun or an amount: "send $250", "release the funds". */
const indirectPayment = new RegExp(
  `${verbAt('send|sends|sending|move|release|make|initiate|process|issue|schedule|execute|approve|authori[sz]e|submit|push through|put through|complete|book|forward|return|go ahead with|proceed with|green-?light|cut|write|write out|mail')}\\b(?:${gapAvoiding(40, documentNouns)}\\b${paymentNouns}\\b|${gapAvoiding(25, documentNouns)}${currencyStart})`,
);
/** Purchases that commit money: "order 20 laptops for $24,000", "buy the licences for €3k". */
const purchase = new RegExp(
  `${verbAt('order|buy|purchase|procure|book|reserve|subscribe|subscribe to|upgrade|upgrade to|enroll|enrol|sign up|register|renew|license|lease|rent|hire|place (?:an? |the )?(?:purchase |bulk |standing )?order(?: for)?')}\\b${gapAvoiding(70, documentNouns)}${currencyStart}`,
);
const refund = new RegExp(
  `${verbAt('refund|refunds|refunding|credit back|reverse the (?:charge|payment|transaction)')}\\b(?! (?:policy|policies|process|processes|request|requests|status|window|rules|terms|form|page|flow|rate|queue|eligibility|procedure|timeline)\\b)|${verbAt('issue|process|give|make|approve|send|initiate|authori[sz]e|grant|do|complete|push through')}\\b[^|]{0,25}?\\brefunds?\\b(?! (?:policy|policies|process|request|status|window|rules|terms|form|page|flow|rate|queue)\\b)`,
);

/** Raising or removing a financial limit changes how much money can move. */
const changesFinancialLimit = new RegExp(
  `${verbAt('set|raise|increase|change|update|lift|remove|double|triple|override|bump|extend')}\\b[^|]{0,50}?\\b(?:credit|spending|spend|approval|payment|transfer|withdrawal|overdraft|purchase|purchasing|card|signing|payout|refund|trading|loan) limits?\\b`,
);

/** Cheap test for any money word, sign or figure before the detailed patterns run. */
const mentionsMoney =
  /[$€£¥₹₩₪]|\d\s?(?:k|m|mm|bn)\b|\b(?:pay|pays|paid|paying|payment|payments|payout|payouts|wire|wired|wires|wiring|remit\w*|refund\w*|funds?|money|cash|transfer\w*|invoices?|bills?|limits?|reimburs\w*|disburs\w*|deposit\w*|withdraw\w*|charge|charges|charged|debit\w*|settle|settled|credit|credited|loan|loans|lend|advance|top up|usd|eur|gbp|chf|jpy|cad|aud|inr|dollars?|euros?|pounds?|bucks|yen|francs?|rupees?|thousand|million|billion|grand|hundred|btc|bitcoin|eth|ach|swift|sepa|cheques?|checks|a check|transactions?|balance|salar\w*|wages?|bonus\w*|rent|fees?|units|reverse the)\b/;

function amountsIn(clauses: readonly RiskClause[], actionText: string): number[] {
  const own = clauses.flatMap((clause) => parseMoneyAmounts(clause.text));
  return own.length > 0 ? own : parseMoneyAmounts(actionText);
}

/** "the CFO wants $30,000 sent", "the payment needs to go out today". */
const paymentInPassive = new RegExp(
  `(?:${requestedInPassive('sent|wired|transferred|paid|remitted|moved|released|disbursed|deposited|paid out|processed')})|\\b${paymentNouns}\\b[^|]{0,60}?\\b(?:needs? to|must|should|has to|have to)\\s+(?:go out|go through|leave|be (?:sent|made|processed|wired|paid|released|issued|executed|completed|initiated))\\b`,
);
const refundInPassive = new RegExp(requestedInPassive('refunded|credited back|reimbursed'));
/** Cheap test for the words a passive request needs, so most clauses skip the passive patterns. */
const passiveCue = /\b(?:get|gets|getting|have|has|want|wants|wanted|need|needs|needed|like|must|should|shall|ought)\b/;

/** "send it", "pay them": a payment verb with a pronoun for money named elsewhere in the request. */
const pronounPayment = new RegExp(`${verbAt('send|sends|transfer|wire|release|remit|process|pay|move|forward')}\\s+(?:it|them|that|this|those|the money|the funds|the amount|the balance)\\b`);
const anyAmount = new RegExp(currencyStart);

function isPayment(clause: RiskClause, actionText: string): boolean {
  if (pronounPayment.test(clause.text) && anyAmount.test(actionText)) return true;
  const passive = passiveCue.test(clause.text) ? paymentInPassive.exec(clause.text) : null;
  if (passive !== null && (anyAmount.test(clause.text) || paymentObject.test(passive[0]))) return true;
  const direct = directPayment.exec(clause.text);
  if (direct !== null) {
    const verb = direct.groups?.['verb'] ?? '';
    if (alwaysPayment.test(verb)) return true;
    if (paymentObject.test(clause.text.slice(direct.index + direct[0].length))) return true;
  }
  return indirectPayment.test(clause.text) || purchase.test(clause.text);
}

interface MoneyGrades {
  readonly prefix: string;
  readonly categories: readonly string[];
  readonly noun: string;
}

function gradeMovement(amounts: readonly number[], toNewPayee: boolean, kind: MoneyGrades): RiskFinding {
  const largest = amounts.length === 0 ? undefined : Math.max(...amounts);
  const { prefix, categories, noun } = kind;
  if (toNewPayee && largest !== undefined && largest >= catastrophicAmount) {
    return {
      ruleId: `${prefix}.large-transfer-new-payee`,
      grade: 'P0',
      categories,
      reason: `${noun} of 10,000 or more to a new or unverified payee`,
    };
  }
  if (toNewPayee) {
    return { ruleId: `${prefix}.new-payee`, grade: 'P1', categories, reason: `${noun} to a new or unverified payee` };
  }
  if (largest === undefined) {
    return { ruleId: `${prefix}.unstated-amount`, grade: 'P1', categories, reason: `${noun} with no stated amount` };
  }
  if (largest >= largeAmount) {
    return { ruleId: `${prefix}.large-transfer`, grade: 'P1', categories, reason: `${noun} of 1,000 or more` };
  }
  return { ruleId: `${prefix}.small-transfer`, grade: 'P2', categories, reason: `${noun} under 1,000 to a known payee` };
}

/**
 * Money movement and refunds: P0 for 10,000 or more to a new or unverified payee, P1 for 1,000
 * or more, for any new payee or for an unstated amount, P2 for smaller amounts to known payees.
 */
export const moneyRiskRule: RiskRule = (view) => {
  const findings: RiskFinding[] = [];
  const text = view.actionText;
  if (!mentionsMoney.test(text)) return findings;
  // Patterns never cross clause boundaries, so a miss on the whole text skips the clause loops.
  const mayRefund = refund.test(text) || (passiveCue.test(text) && refundInPassive.test(text));
  const mayPay =
    directPayment.test(text) ||
    indirectPayment.test(text) ||
    purchase.test(text) ||
    pronounPayment.test(text) ||
    (passiveCue.test(text) && paymentInPassive.test(text));
  const refunds = mayRefund
    ? view.actionClauses.filter(
        (clause) => refund.test(clause.text) || (passiveCue.test(clause.text) && refundInPassive.test(clause.text)),
      )
    : [];
  const payments = mayPay
    ? view.actionClauses.filter((clause) => !refunds.includes(clause) && isPayment(clause, text))
    : [];
  if (changesFinancialLimit.test(text)) {
    findings.push({
      ruleId: 'risk.money.limit-change',
      grade: 'P1',
      categories: ['money-movement'],
      reason: 'changes a financial limit',
    });
  }
  if (payments.length === 0 && refunds.length === 0) return findings;
  const toNewPayee = mentionsNewPayee(view.actionText);
  if (payments.length > 0) {
    findings.push(
      gradeMovement(amountsIn(payments, view.actionText), toNewPayee, {
        prefix: 'risk.money',
        categories: ['money-movement'],
        noun: 'money movement',
      }),
    );
  }
  if (refunds.length > 0) {
    findings.push(
      gradeMovement(amountsIn(refunds, view.actionText), toNewPayee, {
        prefix: 'risk.refund',
        categories: ['refund', 'money-movement'],
        noun: 'refund',
      }),
    );
  }
  return findings;
};
