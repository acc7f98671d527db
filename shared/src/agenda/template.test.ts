import { describe, expect, it } from 'vitest';
import { agendaSchema } from '../schema/agenda';
import { REFERENCE_CARD_KIND_LABELS, REFERENCE_CARDS } from './referenceCards';
import { agendaSchedule } from './schedule';
import { COMMITMENT_QUESTIONS, createDefaultAgenda, DEFAULT_AGENDA_STAGES } from './template';

/** The methodology's §3.2 (seed 003) as it reads: "Etapa N: name HH:MM a HH:MM horas", Duración, Responsable. */
const SEED = [
  ['Registro', '09:30', '10:00', 30, 'Secretariado Técnico Local'],
  ['Bienvenida, contexto y antecedentes', '10:00', '10:20', 20, 'Facilitador'],
  [
    'Introducción sobre el tema y problemática identificada',
    '10:20',
    '10:40',
    20,
    'Persona de la academia o experta en la temática y problemática a tratar',
  ],
  [
    'Perspectiva institucional',
    '10:40',
    '11:00',
    20,
    'Entes Públicos competentes, o cuyas funciones se relacionen con el tema o problemas competentes',
  ],
  ['Formulación del compromiso', '11:00', '13:00', 120, 'Facilitador y participantes'],
  [
    'Deliberación sobre los ajustes al compromiso preliminar',
    '13:00',
    '14:00',
    60,
    'Servidores públicos, integrantes de sociedad civil y personas de la academia participantes en la mesa',
  ],
  ['Problema público desde el que partimos', '14:00', '14:30', 30, 'Facilitador'],
  [
    'Formulación definitiva del compromiso',
    '14:30',
    '15:00',
    30,
    'Servidores públicos, integrantes de sociedad civil, personas de la academia y participantes en la mesa',
  ],
] as const;

describe('the default agenda is the methodology’s', () => {
  const agenda = createDefaultAgenda('2020-06-08');
  const schedule = agendaSchedule(agenda);

  it('has the eight stages, Etapa 0 to Etapa 7, in order', () => {
    expect(agenda.stages.map((s) => s.name)).toEqual(SEED.map(([name]) => name));
  });

  it.each(SEED.map((row, i) => [i, ...row] as const))(
    'Etapa %i: %s, %s a %s, %i minutos, %s',
    (i, _name, start, end, minutes, responsible) => {
      expect(schedule.stages[i]).toMatchObject({ start, end });
      expect(agenda.stages[i]).toMatchObject({ durationMin: minutes, responsible });
    },
  );

  it('runs 330 minutes, from 09:30 to 15:00', () => {
    expect(schedule.totalMin).toBe(30 + 20 + 20 + 20 + 120 + 60 + 30 + 30);
    expect(schedule).toMatchObject({ start: '09:30', end: '15:00' });
  });

  it('asks the four questions of Etapa 4, and only there', () => {
    expect(agenda.stages[4]?.questions).toEqual([
      '¿Qué podemos hacer?',
      '¿Qué medios y fines son necesarios para atender el problema?',
      '¿Es factible el compromiso formulado?',
      '¿Cómo redactar el compromiso?',
    ]);
    expect(COMMITMENT_QUESTIONS).toHaveLength(4);
    expect(agenda.stages.filter((s) => s.questions !== undefined)).toHaveLength(1);
  });

  it('opens the tree in stages 2, 4 and 6 and the commitment in 4, 5 and 7', () => {
    const open = (tool: 'tree' | 'commitment') => agenda.stages.flatMap((s, i) => (s.tools[tool] ? [i] : []));
    expect(open('tree')).toEqual([2, 4, 6]);
    expect(open('commitment')).toEqual([4, 5, 7]);
  });

  it('lists each stage’s materials and dynamic as the source does', () => {
    expect(agenda.stages[4]?.materials).toEqual([
      'Post-its, plumones, cartulinas',
      'Fichas con elementos de gobierno abierto, perspectiva de género y agenda 2030',
      'Formato para la redacción del compromiso',
    ]);
    expect(agenda.stages[0]?.dynamic).toContain('intercalando a los asistentes');
    expect(agenda.stages[1]?.dynamic).toContain('regla Chatham House');
    expect(agenda.stages[7]?.dynamic).toContain('Objetivo de largo plazo');
    expect(agenda.stages[7]?.dynamic).toContain('Compromiso definitivo');
    for (const stage of agenda.stages) {
      expect(stage.materials.length).toBeGreaterThan(0);
      expect(stage.dynamic).not.toMatch(/<|>/);
    }
  });

  it('is a valid agenda, with the date it was made for', () => {
    expect(agendaSchema.parse(agenda)).toEqual(agenda);
    expect(agenda).toMatchObject({ date: '2020-06-08', startTime: '09:30' });
  });

  it('gives each mesa its own copy', () => {
    const mine = createDefaultAgenda('2020-06-08');
    mine.stages[4]!.questions!.push('¿Otra?');
    mine.stages[0]!.materials.push('Gafetes');
    mine.stages[2]!.tools.tree = false;
    expect(DEFAULT_AGENDA_STAGES[4]?.questions).toHaveLength(4);
    expect(DEFAULT_AGENDA_STAGES[0]?.materials).toHaveLength(1);
    expect(DEFAULT_AGENDA_STAGES[2]?.tools.tree).toBe(true);
  });
});

describe('the Etapa 4 reference cards', () => {
  it('cover the four principles, gender perspective and Agenda 2030', () => {
    const titles = REFERENCE_CARDS.map((c) => c.title);
    for (const t of ['Transparencia', 'Rendición de cuentas', 'Participación ciudadana', 'Innovación']) {
      expect(titles).toContain(t);
    }
    expect(new Set(REFERENCE_CARDS.map((c) => c.kind))).toEqual(new Set(Object.keys(REFERENCE_CARD_KIND_LABELS)));
  });

  it('have unique ids, short texts and a source', () => {
    expect(new Set(REFERENCE_CARDS.map((c) => c.id)).size).toBe(REFERENCE_CARDS.length);
    for (const card of REFERENCE_CARDS) {
      expect(card.text.length).toBeGreaterThan(0);
      expect(card.text.length).toBeLessThanOrEqual(300);
      expect(card.source).toMatch(/Metodología/);
    }
  });
});
