interface Money {
  readonly number: number;
  readonly currency: string;
}

function parseMoney(value: string): Money {
  const space = value.indexOf(' ');
  return space === -1
    ? { number: Number(value), currency: '' }
    : { number: Number(value.slice(0, space)), currency: value.slice(space + 1) };
}

function sameCurrency(first: Money, second: Money): boolean {
  return first.currency === second.currency || first.currency === '' || second.currency === '';
}

const closeEnough = (first: number, second: number): boolean => Math.abs(first - second) < 0.01;

/**
 * True when a new amount is plain arithmetic on the intent's own figures: half of one, a sum or
 * difference of two stated amounts, their total, or a stated percentage of one
 * ("refund half of the $300 order" → `$150`, "split $900 between two budgets" → `$450`).
 * Multiples are never derived: `$250` becoming `$2,500` stays drift.
 */
export function isDerivedAmount(value: string, amounts: readonly string[], percentages: readonly string[]): boolean {
  const found = parseMoney(value);
  const stated = amounts.map(parseMoney).filter((amount) => sameCurrency(amount, found));
  const rates = percentages.map((percentage) => Number(percentage.slice(0, -1)) / 100);
  let total = 0;
  for (let index = 0; index < stated.length; index += 1) {
    const amount = stated[index]?.number ?? 0;
    total += amount;
    if (closeEnough(amount / 2, found.number)) return true;
    if (
      rates.some((rate) =>
        [amount * rate, amount * (1 - rate), amount * (1 + rate)].some((result) => closeEnough(result, found.number)),
      )
    ) {
      return true;
    }
    for (let other = index + 1; other < stated.length; other += 1) {
      const second = stated[other]?.number ?? 0;
      if (closeEnough(amount + second, found.number) || closeEnough(Math.abs(amount - second), found.number))
        return true;
    }
  }
  return stated.length > 2 && closeEnough(total, found.number);
}
