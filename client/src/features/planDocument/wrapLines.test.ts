import { describe, expect, it } from 'vitest';
import { wrapLines } from './wrapLines';

/** One unit of width per character. */
const chars = (s: string) => s.length;

describe('wrapping a tree node’s text', () => {
  it('breaks between words, never past the width', () => {
    expect(wrapLines('Baja apertura institucional a nivel municipal', 15, chars)).toEqual([
      'Baja apertura',
      'institucional a',
      'nivel municipal',
    ]);
  });

  it('cuts a word wider than a line, and keeps every character', () => {
    const text = 'ver https://infoem.org.mx/gobierno-abierto/estudio.pdf hoy';
    const lines = wrapLines(text, 12, chars);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(12);
    expect(lines.join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
  });

  it('keeps the author’s line breaks, and an empty text is one empty line', () => {
    expect(wrapLines('Uno\nDos', 20, chars)).toEqual(['Uno', 'Dos']);
    expect(wrapLines('', 20, chars)).toEqual(['']);
  });
});
