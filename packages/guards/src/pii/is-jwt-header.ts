const base64UrlSegment = /^[A-Za-z0-9_-]+$/;
const algField = /"alg"\s*:/;

/** True when a base64url segment decodes to a JSON object with an `alg` member (a JOSE header). */
export function isJwtHeader(segment: string): boolean {
  if (!base64UrlSegment.test(segment)) return false;
  const decoded = Buffer.from(segment, 'base64url').toString('utf8');
  if (!algField.test(decoded)) return false;
  let header: unknown;
  try {
    header = JSON.parse(decoded);
  } catch {
    // Not JSON, so not a JOSE header: the segment is simply not a JWT.
    return false;
  }
  return typeof header === 'object' && header !== null && !Array.isArray(header) && 'alg' in header;
}
