import { IntlMessageFormat } from 'intl-messageformat';
import { REVIEW_STATUSES } from '@cocrea/shared';
import { describe, expect, it } from 'vitest';
import { esMX, type MessageKey } from './es-MX';
import { LOCALE, t } from './t';

describe('the message catalog', () => {
  it('holds only messages that parse as ICU messages', () => {
    for (const key of Object.keys(esMX) as MessageKey[]) {
      expect(() => new IntlMessageFormat(esMX[key], LOCALE, undefined, { ignoreTag: true }), key).not.toThrow();
    }
  });

  it('fills plain placeholders as before', () => {
    expect(t('stl.signedInAs', { name: 'Ana Pérez', email: 'ana@infoem.org.mx' })).toBe(
      'Sesión de Ana Pérez (ana@infoem.org.mx)',
    );
    expect(t('loading.page')).toBe('Cargando…');
  });
});

describe('counts agree with their noun', () => {
  it('says "1 versión", not "1 versiones"', () => {
    expect(t('review.inbox.count', { count: 0 })).toBe('0 versiones.');
    expect(t('review.inbox.count', { count: 1 })).toBe('1 versión.');
    expect(t('review.inbox.count', { count: 12 })).toBe('12 versiones.');
  });

  it('names one person, or all of them, in the presence list', () => {
    expect(t('presence.everyone', { count: 1 })).toBe('Ver a la 1 persona en la mesa');
    expect(t('presence.everyone', { count: 10 })).toBe('Ver a las 10 personas en la mesa');
  });

  it('asks about the elements below a node in the singular or the plural', () => {
    expect(t('tree.confirmDelete', { label: 'Calles oscuras', count: 1 })).toBe(
      '¿Eliminar «Calles oscuras» y el elemento que tiene debajo?',
    );
    expect(t('tree.confirmDelete', { label: 'Calles oscuras', count: 3 })).toBe(
      '¿Eliminar «Calles oscuras» y los 3 elementos que tiene debajo?',
    );
  });

  it('creates one line of action or several from the chosen means', () => {
    expect(t('objectives.fill', { count: 0 })).toBe('Crear líneas de acción con los medios elegidos');
    expect(t('objectives.fill', { count: 1 })).toBe('Crear una línea de acción con el medio elegido');
    expect(t('objectives.fill', { count: 4 })).toBe('Crear líneas de acción con los 4 medios elegidos');
    expect(t('objectives.filled', { count: 1 })).toBe('Se agregó 1 línea de acción al compromiso.');
    expect(t('objectives.filled', { count: 2 })).toBe('Se agregaron 2 líneas de acción al compromiso.');
  });

  it('counts activities and lines of action each with its own plural', () => {
    expect(t('print.activitiesSummary', { activities: 1, lines: 1 })).toBe(
      '1 actividad en 1 línea de acción (ver arriba).',
    );
    expect(t('print.activitiesSummary', { activities: 5, lines: 2 })).toBe(
      '5 actividades en 2 líneas de acción (ver arriba).',
    );
  });

  it('counts the fields that differ between two versions', () => {
    expect(t('review.diff.caption', { from: 1, to: 2, count: 1 })).toBe('De la versión 1 a la 2: 1 campo distinto');
    expect(t('review.diff.caption', { from: 1, to: 3, count: 7 })).toBe('De la versión 1 a la 3: 7 campos distintos');
  });
});

describe('a status agrees with the version, which is feminine', () => {
  it('says «quedó aprobada», not «quedó Aprobado»', () => {
    expect(t('review.status.moved', { number: 2, status: 'aprobado' })).toBe('La versión 2 quedó aprobada.');
    expect(t('review.status.moved', { number: 2, status: 'publicado' })).toBe('La versión 2 quedó publicada.');
    expect(t('review.status.moved', { number: 3, status: 'borrador' })).toBe('La versión 3 regresó a borrador.');
  });

  it('has words for every review status', () => {
    for (const status of REVIEW_STATUSES) {
      expect(t('review.status.moved', { number: 1, status })).not.toBe('La versión 1 cambió de estado.');
    }
  });
});
