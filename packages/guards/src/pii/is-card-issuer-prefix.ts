/** True when a card number's leading digits and length fit a known payment card network. */
export function isCardIssuerPrefix(digits: string): boolean {
  const length = digits.length;
  const two = Number(digits.slice(0, 2));
  const three = Number(digits.slice(0, 3));
  const four = Number(digits.slice(0, 4));
  switch (digits.charAt(0)) {
    case '4': // Visa
      return length === 13 || length === 16 || length === 19;
    case '5': // Mastercard 51-55; Maestro 50, 56-58
      return (two >= 51 && two <= 55 && length === 16) || ((two === 50 || two >= 56) && length >= 12);
    case '2': // Mastercard 2221-2720; Mir 2200-2204
      return ((four >= 2221 && four <= 2720) || (four >= 2200 && four <= 2204)) && length >= 16;
    case '3': // Amex 34/37; JCB 35; Diners 300-305, 3095, 36, 38, 39
      if (two === 34 || two === 37) return length === 15;
      if (two === 35) return length >= 16;
      return ((three >= 300 && three <= 305) || four === 3095 || two === 36 || two === 38 || two === 39) && length >= 14;
    case '6': // Discover, UnionPay, Maestro, RuPay
      return length >= 16 || (length >= 12 && two !== 60 && two !== 65 && two !== 62);
    default:
      return false;
  }
}
