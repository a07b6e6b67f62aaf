import type { DetailedError } from '@cedar-policy/cedar-wasm/nodejs';

/** A stretch of a source file whose Cedar error offsets (UTF-8 bytes) start at `start`. */
export interface SourceSegment {
  /** The whole source text. */
  readonly source: string;
  /** UTF-16 offset of the segment in `source`. */
  readonly start: number;
  /** The segment text Cedar was given. */
  readonly text: string;
}

/** 1-based line and column of a UTF-16 offset in a text. */
export function locate(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  let line = 1;
  for (const character of before) if (character === '\n') line += 1;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function segmentOffset(segment: SourceSegment, byteOffset: number): number {
  const prefix = Buffer.from(segment.text, 'utf8').subarray(0, byteOffset).toString('utf8');
  return segment.start + prefix.length;
}

/** `line 3, column 7: <message>: <label> (<help>)` for one Cedar error in a segment. */
export function describeCedarError(error: DetailedError, segment: SourceSegment): string {
  const first = error.sourceLocations?.[0];
  const label = first?.label === null || first?.label === undefined ? '' : `: ${first.label}`;
  const help = error.help === null || error.help === '' ? '' : ` (${error.help})`;
  if (first === undefined) return `${error.message}${help}`;
  const { line, column } = locate(segment.source, segmentOffset(segment, first.start));
  return `line ${line}, column ${column}: ${error.message}${label}${help}`;
}
