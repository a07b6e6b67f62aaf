const dottedQuad = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** True for a dotted-quad IPv4 address whose octets are 0..255 written without leading zeros. */
export function isValidIpv4(candidate: string): boolean {
  const parts = dottedQuad.exec(candidate);
  if (parts === null) return false;
  for (let index = 1; index <= 4; index += 1) {
    const octet = parts[index] ?? '';
    if (octet.length > 1 && octet.startsWith('0')) return false;
    if (Number(octet) > 255) return false;
  }
  return true;
}
