import { describe, expect, it } from 'vitest';
import { t } from '../../i18n/t';

describe('what the vote says, in number', () => {
  it('states the rules for one dot and for several', () => {
    expect(t('vote.rules', { perPerson: 1, several: 'no' })).toBe('Un voto por persona.');
    expect(t('vote.rules', { perPerson: 3, several: 'no' })).toBe('3 votos por persona, uno por elemento.');
    expect(t('vote.rules', { perPerson: 5, several: 'yes' })).toBe(
      '5 votos por persona; puede dar varios al mismo elemento.',
    );
  });

  it('counts people and dots without ever naming anyone', () => {
    expect(t('vote.progress', { voters: 0, dots: 0 })).toBe('Nadie ha votado todavía.');
    expect(t('vote.progress', { voters: 1, dots: 1 })).toBe('1 persona ha votado (1 voto).');
    expect(t('vote.progress', { voters: 25, dots: 50 })).toBe('25 personas han votado (50 votos).');
  });

  it('tells each person how many dots they have left, and the ranking’s places', () => {
    expect(t('vote.remaining', { count: 0 })).toBe('Ya usó todos sus votos.');
    expect(t('vote.remaining', { count: 1 })).toBe('Le queda 1 voto.');
    expect(t('vote.remaining', { count: 2 })).toBe('Le quedan 2 votos.');
    expect(t('vote.rank', { rank: 2, count: 1 })).toBe('Lugar 2 en la votación: 1 voto');
    expect(t('vote.rankShort', { rank: 1, count: 17 })).toBe('N.º 1 · 17 votos');
  });
});
