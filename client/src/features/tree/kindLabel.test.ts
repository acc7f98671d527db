import { describe, expect, it } from 'vitest';
import { kindLabel } from './kindLabel';

describe('kindLabel', () => {
  it('names causes and effects by their depth: below the first level they are sub-causes and sub-effects', () => {
    expect(kindLabel({ kind: 'problema', depth: 0 })).toBe('Problema central');
    expect(kindLabel({ kind: 'causa', depth: 1 })).toBe('Causa');
    expect(kindLabel({ kind: 'causa', depth: 2 })).toBe('Subcausa');
    expect(kindLabel({ kind: 'causa', depth: 4 })).toBe('Subcausa');
    expect(kindLabel({ kind: 'efecto', depth: 1 })).toBe('Efecto');
    expect(kindLabel({ kind: 'efecto', depth: 3 })).toBe('Subefecto');
  });
});
