const units: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};

const tens: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** Number words the quantity scanner recognises, as a pattern fragment (`thirty`, `twenty-five`, `ten`). */
export const numberWordPattern = String.raw`(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten)`;

/** The value of a number word such as `thirty` or `twenty-five`; NaN when it is not one. */
export function parseNumberWord(word: string): number {
  const parts = word.toLowerCase().split(/[- ]/);
  let total = 0;
  for (const part of parts) {
    const value = units[part] ?? tens[part];
    if (value === undefined) return Number.NaN;
    total += value;
  }
  return total;
}
