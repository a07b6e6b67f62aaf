import { parseNumberWords } from './parse-number-words.js';

const currencySymbols = '[$€£¥₹₩₪₣]';
const currencyCodes =
  'usd|us\\$|eur|gbp|chf|cad|aud|nzd|jpy|cny|rmb|inr|sek|nok|dkk|pln|czk|huf|mxn|brl|sgd|hkd|zar|aed|sar|krw|ils|btc|eth|usdt|usdc';
const currencyWords =
  'dollars?|bucks|euros?|pounds?(?: sterling)?|francs?|yen|yuan|rupees?|pesos?|kronor|krona|kroner|zloty|reais|rand|dirhams?|shekels?|bitcoins?|ether|units';
const digits = '\\d{1,3}(?:[,.]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?';
const magnitudes = 'k|mm|mn|m|bn|b|million|thousand|billion|grand';
const numberWord =
  '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|grand)';

/** "$25,000", "€25k", "USD 3,000", "us$ 1.2m". */
const prefixedAmount = new RegExp(
  `(?:${currencySymbols}|\\b(?:${currencyCodes}))\\s?(${digits})(?:\\s?(${magnitudes})\\b)?`,
  'g',
);
/** "25,000 EUR", "1.2 million dollars", "500 bucks". */
const suffixedAmount = new RegExp(
  `(?=\\d)(?<![\\w.,])(${digits})(?:\\s?(${magnitudes}))?\\s?(?:${currencyCodes}|${currencyWords})\\b`,
  'g',
);
/** "1.2M", "40k", "3 million" with no currency named. */
const magnitudeAmount = new RegExp(`(?=\\d)(?<![\\w.,$€£¥])(${digits})\\s?(${magnitudes})\\b`, 'g');
/** "twelve thousand", "a million", "five hundred euros". */
const wordAmount = new RegExp(
  `\\b(?:(?:a|an)\\s+)?${numberWord}(?:(?:\\s+and\\s+|[\\s-]+)${numberWord})*(?:\\s+(${currencyWords}|${currencyCodes})\\b)?`,
  'g',
);
const hasScaleWord = /\b(?:hundred|thousand|million|billion|grand)\b/;
/** A bare figure straight after a payment verb: "transfer 5000 to …". */
const bareAfterVerb =
  /\b(?:transfer|wire|send|pay|remit|refund|reimburse|disburse|deposit|charge|credit)\s+(?:of\s+)?(\d[\d,.]*)(?!\s*(?:%|percent|shares?|items?|hours?|days?|minutes?|emails?|messages?|units?\b))/g;

/** "200 monitors at $180 each": a count times a unit price. */
const countAtUnitPrice = new RegExp(
  `(?=\\d)(?<![\\w.,])(\\d[\\d,]*)\\s+(?:[a-z-]+\\s+){0,3}?(?:at|for|@)\\s+(?:${currencySymbols}|(?:${currencyCodes})\\s?)\\s?(${digits})(?:\\s?(${magnitudes})\\b)?\\s*(?:each|apiece|a piece|per (?:unit|item|piece|person|head|seat|licen[cs]e|user|device))\\b`,
  'g',
);
/** "$600 to each of the 40 reps": a unit amount times a count. */
const unitPriceToEach = new RegExp(
  `(?:${currencySymbols}|(?:${currencyCodes})\\s?)\\s?(${digits})(?:\\s?(${magnitudes})\\b)?[^|]{0,30}?\\b(?:to|for) each of (?:the |our |my )?(\\d[\\d,]*)\\b`,
  'g',
);

const hasDigit = /\d/;
const mentionsUnitPrice = /\b(?:each|apiece|a piece|per)\b/;
const mentionsWordAmount = new RegExp(`\\b(?:hundred|thousand|million|billion|grand|${currencyWords})\\b`);

const groupedWithCommas = /^\d{1,3}(?:,\d{3})+$/;
const groupedWithDots = /^\d{1,3}(?:\.\d{3})+$/;

function multiplierOf(magnitude: string | undefined): number {
  switch (magnitude) {
    case 'k':
    case 'thousand':
    case 'grand':
      return 1_000;
    case 'm':
    case 'mm':
    case 'mn':
    case 'million':
      return 1_000_000;
    case 'b':
    case 'bn':
    case 'billion':
      return 1_000_000_000;
    default:
      return 1;
  }
}

/** Reads "25,000", "25.000", "1,234.50", "1.234,50", "12,5" as numbers. */
function parseDigits(text: string, hasMagnitude: boolean): number {
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    return lastComma > lastDot
      ? Number(text.replaceAll('.', '').replace(',', '.'))
      : Number(text.replaceAll(',', ''));
  }
  if (lastComma >= 0) {
    return groupedWithCommas.test(text) ? Number(text.replaceAll(',', '')) : Number(text.replace(',', '.'));
  }
  if (lastDot >= 0 && !hasMagnitude && groupedWithDots.test(text)) return Number(text.replaceAll('.', ''));
  return Number(text);
}

function valueOf(numberText: string | undefined, magnitude: string | undefined): number | undefined {
  if (numberText === undefined) return undefined;
  const value = parseDigits(numberText, magnitude !== undefined) * multiplierOf(magnitude);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Money amounts stated in lower-cased text, in units of whatever currency is named (currencies
 * are not converted). Figures without a currency count only with a magnitude ("1.2m", "40k"),
 * as number words with a scale ("twelve thousand"), or straight after a payment verb.
 */
export function parseMoneyAmounts(text: string): number[] {
  const amounts: number[] = [];
  const add = (value: number | undefined): void => {
    if (value !== undefined) amounts.push(value);
  };
  const withDigits = hasDigit.test(text);
  if (withDigits) {
    for (const found of text.matchAll(prefixedAmount)) add(valueOf(found[1], found[2]));
    for (const found of text.matchAll(suffixedAmount)) add(valueOf(found[1], found[2]));
    for (const found of text.matchAll(magnitudeAmount)) add(valueOf(found[1], found[2]));
  }
  if (withDigits && mentionsUnitPrice.test(text)) {
    for (const found of text.matchAll(countAtUnitPrice)) {
      const unit = valueOf(found[2], found[3]);
      if (unit !== undefined) add(unit * Number((found[1] ?? '').replaceAll(',', '')));
    }
    for (const found of text.matchAll(unitPriceToEach)) {
      const unit = valueOf(found[1], found[2]);
      if (unit !== undefined) add(unit * Number((found[3] ?? '').replaceAll(',', '')));
    }
  }
  if (mentionsWordAmount.test(text)) {
    for (const found of text.matchAll(wordAmount)) {
      if (found[1] === undefined && !hasScaleWord.test(found[0])) continue;
      const phrase = found[1] === undefined ? found[0] : found[0].slice(0, found[0].length - found[1].length);
      add(parseNumberWords(phrase));
    }
  }
  if (amounts.length === 0 && withDigits) {
    for (const found of text.matchAll(bareAfterVerb)) add(valueOf(found[1]?.replace(/[.,]$/, ''), undefined));
  }
  return amounts;
}
