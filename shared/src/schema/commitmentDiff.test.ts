import { describe, expect, it } from 'vitest';
import { diffCommitments } from './commitmentDiff';
import { commitmentFields } from './commitmentExport';
import { seed004Commitment } from './fixtures/seed004';

const c = seed004Commitment;

describe('commitment fields', () => {
  it('name every field by a path with ids, as missingFields does, so an observation can point at it', () => {
    const paths = commitmentFields(c).map((field) => field.path);
    expect(paths).toContain('linesOfAction.la1.activities.la1-a1.verification');
    expect(paths).toContain('responsibles.sp1.institution');
    expect(paths).toContain('criteria.VI.note');
    expect(new Set(paths).size).toBe(paths.length);
  });
});

describe('the diff of two versions', () => {
  it('is empty for equal content', () => {
    expect(diffCommitments(c, structuredClone(c))).toEqual([]);
  });

  it('names changed, added and removed fields with their labels', () => {
    const after = structuredClone(c);
    after.finalResult = 'Otro resultado.';
    after.products = after.products.filter((p) => p.id !== 'pr2');
    after.products.push({ id: 'pr9', text: 'Producto nuevo.' });
    const changes = diffCommitments(c, after);
    expect(changes).toContainEqual({
      kind: 'changed',
      path: 'finalResult',
      label: 'Resultado final',
      before: c.finalResult,
      after: 'Otro resultado.',
    });
    expect(changes).toContainEqual({
      kind: 'added',
      path: 'products.pr9.text',
      label: 'Producto esperado 4',
      after: 'Producto nuevo.',
    });
    expect(changes).toContainEqual({
      kind: 'removed',
      path: 'products.pr2.text',
      label: 'Producto esperado 2',
      before: c.products[1]!.text,
    });
    // pr3 and pr4 moved up one place: same items, same text, no change.
    expect(changes.map((change) => change.path)).not.toContain('products.pr3.text');
  });
});
