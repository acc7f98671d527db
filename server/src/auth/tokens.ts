import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh capability token: 256 random bits, base64url (43 characters). */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Tokens are stored only as their SHA-256: with 256 random bits there is nothing to brute-force, so a slow
 * password hash would add cost and no safety, while a leaked database still yields no usable link.
 */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Compares two secrets in constant time (over their hashes, so lengths may differ). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(hashToken(a), hashToken(b));
}

/**
 * A short random id for mesas, plans and the rest: 12 bytes, 16 base64url characters, never starting with `-`. Ids
 * go into the open data's CSV, where a cell that starts with `-` reads as a formula to a spreadsheet and is written
 * with a leading apostrophe (`toCsv`): such an id would no longer match the same id in the JSON (1 id in 64).
 */
export function generateId(): string {
  for (;;) {
    const id = randomBytes(12).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
