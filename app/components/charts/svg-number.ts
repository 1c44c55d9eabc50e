/** A coordinate in a 0–100 viewBox to two decimals: the bars look the same and the HTML is shorter. */
export function svgNumber(value: number): number {
  return Math.round(value * 100) / 100;
}
