/** Currency symbols, longest first so `US$` wins over `$`. */
const symbolCurrencies: ReadonlyArray<readonly [string, string]> = [
  ['US$', 'USD'], ['CA$', 'CAD'], ['AU$', 'AUD'], ['NZ$', 'NZD'], ['HK$', 'HKD'],
  ['C$', 'CAD'], ['A$', 'AUD'], ['S$', 'SGD'], ['R$', 'BRL'],
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₹', 'INR'], ['₩', 'KRW'],
  ['₽', 'RUB'], ['₺', 'TRY'], ['₪', 'ILS'],
];

const codes = [
  'USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD', 'NZD', 'INR', 'CNY', 'HKD', 'SGD', 'SEK',
  'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'BRL', 'MXN', 'ZAR', 'KRW', 'TRY', 'ILS', 'AED', 'SAR', 'RUB',
];

const wordCurrencies: Readonly<Record<string, string>> = {
  dollar: 'USD', dollars: 'USD', bucks: 'USD', 'us dollars': 'USD', 'canadian dollars': 'CAD',
  'australian dollars': 'AUD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP',
  'pounds sterling': 'GBP', sterling: 'GBP', yen: 'JPY', rupee: 'INR', rupees: 'INR',
  franc: 'CHF', francs: 'CHF', 'swiss francs': 'CHF', yuan: 'CNY', renminbi: 'CNY', rmb: 'CNY',
};

function escapeForPattern(text: string): string {
  return text.replace(/[$.*+?^()|[\]{}\\]/g, '\\$&');
}

/** Pattern fragment for a currency symbol. */
export const currencySymbolPattern = symbolCurrencies.map(([symbol]) => escapeForPattern(symbol)).join('|');
/** Pattern fragment for an ISO 4217 code (upper case only, so ordinary words never match). */
export const currencyCodePattern = codes.join('|') + '|RMB';
/** Pattern fragment for a currency written as a word (`dollars`, `euros`, `US dollars`). */
export const currencyWordPattern = Object.keys(wordCurrencies)
  .sort((first, second) => second.length - first.length)
  .map((word) => word.replace(/ /g, '\\s+'))
  .join('|');

const symbolTable = new Map(symbolCurrencies);

/** The ISO code for a symbol, code or currency word; undefined when unknown. */
export function currencyCodeOf(written: string): string | undefined {
  const trimmed = written.trim();
  const bySymbol = symbolTable.get(trimmed);
  if (bySymbol !== undefined) return bySymbol;
  const upper = trimmed.toUpperCase();
  if (upper === 'RMB') return 'CNY';
  if (codes.includes(upper) && trimmed === upper) return upper;
  return wordCurrencies[trimmed.toLowerCase().replace(/\s+/g, ' ')];
}
