/** One value's canonical text; undefined where JSON has none (undefined, functions, symbols). */
function encode(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) text += ',';
      text += encode(value[index]) ?? '';
    }
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  // The default sort orders by UTF-16 code units, as JSON canonicalisation requires.
  const keys = Object.keys(record).sort();
  let text = '{';
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${String(encode(item))}`;
  }
  return `${text}}`;
}

/**
 * Canonical JSON (sorted object keys, no insignificant whitespace), so that equal
 * configurations hash equally whatever their formatting. Object members whose value
 * is undefined are left out. Built in one pass: it runs on every run's evidence.
 */
export function canonicalJson(value: unknown): string {
  return encode(value) as string;
}
