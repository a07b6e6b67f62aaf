/** Shortest plain form of a number: `4`, `2.5`, `0.125`. */
export function formatNumber(value: number): string {
  return String(Number(value.toFixed(4)));
}
