import { describe, expect, it } from 'vitest';
import { generateId } from '../src/auth/tokens';

describe('generated ids', () => {
  it('are 16 base64url characters and never start with a dash, which a spreadsheet reads as a formula', () => {
    // One random id in 64 started with a dash before; among 5,000 none may.
    const ids = Array.from({ length: 5000 }, generateId);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{15}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
