import type { EntityKind } from '@dax/core';
import type { EntityQualifier, ScannedEntity } from './scanned-entity.js';
import { cuesOfText, hasCue, type WordCue } from './word-cues.js';

/** What a match reader returns: one entity, several, or nothing (the match is then left in place). */
export interface EntityReading {
  readonly kind: EntityKind;
  readonly value: string;
  readonly qualifier?: EntityQualifier;
}

export type MatchReader = (
  match: RegExpExecArray,
  scan: EntityScan,
) => EntityReading | readonly EntityReading[] | undefined;

/** Marks a consumed span: neither a word nor a space, so later patterns and name runs stop at it. */
const blank = '\u0001';
const nonLetters = /[^a-z]+/;
const digit = /\d/;

/**
 * One pass over a text. Each scanner consumes what it recognises, so a later scanner never
 * reads the digits of an e-mail, a date or an amount a second time. Offsets stay those of the original text.
 */
export class EntityScan {
  readonly original: string;
  readonly entities: ScannedEntity[] = [];
  #working: string;
  #lower: string | undefined;
  #words: readonly string[] | undefined;
  #cues: number | undefined;
  #hasDigit: boolean | undefined;

  constructor(text: string) {
    this.original = text;
    this.#working = text;
  }

  /** The text with consumed spans blanked out. */
  get working(): string {
    return this.#working;
  }

  /** The original text in lower case, for cheap checks before running a pattern. */
  get lower(): string {
    this.#lower ??= this.original.toLowerCase();
    return this.#lower;
  }

  /** The ASCII words of the original text, lower-cased ("don't" gives `don` and `t`). */
  get words(): readonly string[] {
    this.#words ??= this.lower.split(nonLetters);
    return this.#words;
  }

  /** True when the original text has a digit. */
  get hasDigit(): boolean {
    this.#hasDigit ??= digit.test(this.original);
    return this.#hasDigit;
  }

  /** True when the text has a word of this cue: a cheap check before running a pattern. */
  hasCue(cue: WordCue): boolean {
    this.#cues ??= cuesOfText(this.lower);
    return hasCue(this.#cues, cue);
  }

  /** Runs a global pattern over the remaining text; every match the reader accepts is recorded and blanked. */
  take(pattern: RegExp, read: MatchReader): void {
    pattern.lastIndex = 0;
    let pieces: string[] | undefined;
    let copiedUpTo = 0;
    const source = this.#working;
    for (let match = pattern.exec(source); match !== null; match = pattern.exec(source)) {
      if (match[0].length === 0) {
        pattern.lastIndex += 1;
        continue;
      }
      const reading = read(match, this);
      if (reading === undefined) continue;
      if (Array.isArray(reading)) {
        for (const entity of reading as readonly EntityReading[]) this.add(entity, match.index);
      } else {
        this.add(reading as EntityReading, match.index);
      }
      pieces ??= [];
      pieces.push(source.slice(copiedUpTo, match.index), blank.repeat(match[0].length));
      copiedUpTo = match.index + match[0].length;
    }
    if (pieces !== undefined) {
      pieces.push(source.slice(copiedUpTo));
      this.#working = pieces.join('');
    }
  }

  /** Blanks a span of the remaining text, for scanners that find a match's start themselves. */
  consume(start: number, end: number): void {
    const source = this.#working;
    this.#working = source.slice(0, start) + blank.repeat(end - start) + source.slice(end);
  }

  /** Records an entity without consuming text. */
  add(entity: EntityReading, start: number): void {
    this.entities.push(
      entity.qualifier === undefined
        ? { kind: entity.kind, value: entity.value, start }
        : { kind: entity.kind, value: entity.value, start, qualifier: entity.qualifier },
    );
  }
}
