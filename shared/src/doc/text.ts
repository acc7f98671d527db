import type * as Y from 'yjs';
import { localOrigin } from './origins';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Makes `text` equal to `value` by replacing only the span that differs, in one transaction with the local origin
 * (so undo sees it). An input hands over its whole new value, and rewriting all of it would delete what someone
 * else typed in the same field meanwhile. A lone surrogate is stored as U+FFFD: Yjs keeps it as is in the
 * writer's document but encodes it as U+FFFD for everyone else, so the two would disagree for good.
 */
export function replaceChangedSpan(text: Y.Text, value: string): void {
  const next = wellFormed(value);
  const old = text.toString();
  if (old === next) return;
  const shorter = Math.min(old.length, next.length);
  let start = 0;
  while (start < shorter && old.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && old.charCodeAt(old.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) {
    end++;
  }
  // Never cut between the two halves of a surrogate pair (an emoji, say): Yjs would store each half as U+FFFD.
  if (start > 0 && isHighSurrogate(old.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(old.charCodeAt(old.length - end))) end--;
  text.doc!.transact(() => {
    if (old.length - start - end > 0) text.delete(start, old.length - start - end);
    if (next.length - start - end > 0) text.insert(start, next.slice(start, next.length - end));
  }, localOrigin);
}

/** `text` with each lone surrogate replaced by U+FFFD, as every other replica would read it. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
