const smallNumbers: Readonly<Record<string, number>> = {
  a: 1, an: 1, zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const scales: Readonly<Record<string, number>> = {
  thousand: 1_000, grand: 1_000, million: 1_000_000, billion: 1_000_000_000,
};
const tokenSeparator = /[\s-]+/;

/**
 * The value of an English number phrase such as "twelve thousand", "two hundred and fifty"
 * or "a million"; `undefined` when a word is not a number word.
 */
export function parseNumberWords(phrase: string): number | undefined {
  let total = 0;
  let current = 0;
  let seenNumber = false;
  for (const word of phrase.toLowerCase().trim().split(tokenSeparator)) {
    if (word === 'and' || word === '') continue;
    const small = smallNumbers[word];
    if (small !== undefined) {
      current += small;
      seenNumber = true;
      continue;
    }
    if (word === 'hundred') {
      current = (current === 0 ? 1 : current) * 100;
      seenNumber = true;
      continue;
    }
    const scale = scales[word];
    if (scale === undefined) return undefined;
    total += (current === 0 ? 1 : current) * scale;
    current = 0;
    seenNumber = true;
  }
  return seenNumber ? total + current : undefined;
}
