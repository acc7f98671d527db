import { wellFormed } from './doc/text';

/**
 * `JSON.stringify`'s replacer that writes every string value well-formed: a lone surrogate (which a Yjs text, and so a
 * saved commitment, can hold) becomes U+FFFD. `JSON.stringify` would write it as a `\udXXX` escape, which strict
 * readers refuse and others turn back into text that no UTF-8 can encode. Object keys are the schemas' own.
 */
export function wellFormedReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? wellFormed(value) : value;
}

/** `JSON.stringify` with {@link wellFormedReplacer}: what every JSON the project hands out is written with. */
export function wellFormedJson(value: unknown, space?: number): string {
  return JSON.stringify(value, wellFormedReplacer, space);
}
