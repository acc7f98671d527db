import { describe, expect, it } from 'vitest';
import { seed004Draft } from '@cocrea/shared/fixtures/seed004';
import { draftFieldLabel } from './draftFieldLabel';

describe('a field path named as the form shows it', () => {
  it('gives items their positions in the current draft', () => {
    expect(draftFieldLabel(seed004Draft, 'linesOfAction.la2.activities.la2-a1.verification')).toBe(
      'Línea de acción 2 › Actividad 1 › Medio de verificación',
    );
    expect(draftFieldLabel(seed004Draft, 'problem')).toBe('Problema público');
    expect(draftFieldLabel(seed004Draft, 'criteria.IV.met')).toBe('Criterio IV › ¿Se cumple?');
    expect(draftFieldLabel(seed004Draft, 'coResponsible.person')).toBe('Sociedad civil corresponsable › Persona');
  });

  it('is null for an item the draft no longer has', () => {
    expect(draftFieldLabel(seed004Draft, 'linesOfAction.borrada.title')).toBeNull();
    expect(draftFieldLabel(seed004Draft, 'responsibles.sp1.name')).toBeNull();
  });
});
