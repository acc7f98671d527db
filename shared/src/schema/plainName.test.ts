import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { seed004Commitment } from './fixtures/seed004';
import { commitmentSchema } from './commitment';
import { joinMesaSchema } from './participant';
import { plainNameProblem } from './plainName';
import { acceptInvitationSchema, createMemberSchema } from './stl';

const BIDI = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069].map((c) =>
  String.fromCharCode(c),
);

/** Names that could pass for another, or break a line they are shown in; each with the message it gets. */
const SPOOFING: [what: string, name: string, message: RegExp][] = [
  ['NUL', 'Ana\u0000 Pérez', /caracteres de control/],
  ['a line break', 'Ana\nPérez', /caracteres de control/],
  ['a C1 control', 'Ana\u0085Pérez', /caracteres de control/],
  ...BIDI.map((c): [string, string, RegExp] => [
    `U+${c.charCodeAt(0).toString(16).toUpperCase()}`,
    `Ana ${c}zeréP`,
    /dirección del texto/,
  ]),
  ['zero-width spaces only', '\u200B\u200B\u200B', /letras visibles/],
  ['zero-width joiners and a BOM only', '\u200D\uFEFF\u200C\u2060', /letras visibles/],
  ['Hangul fillers only', '\u3164\u3164', /letras visibles/],
  ['a lone high surrogate', 'Ana \uD83D', /no válidos/],
  ['a lone low surrogate', '\uDE00Ana', /no válidos/],
];

const FINE = ['Ana Pérez', 'José Ñuñez-Ávila', "O'Connor", 'Infoem', 'María 👩‍👩‍👧', 'عائشة', '李小龙'];

/** Every person-name-ish field of the schemas, as a function from a name to what the schema says of it. */
const FIELDS: [field: string, parse: (name: string) => z.ZodSafeParseResult<unknown>][] = [
  ['join: name', (name) => joinMesaSchema.safeParse(join({ name }))],
  ['join: organization', (name) => joinMesaSchema.safeParse(join({ organization: name }))],
  ['STL member: name', (name) => createMemberSchema.safeParse({ ...member(), name })],
  ['invitation: name', (name) => acceptInvitationSchema.safeParse({ ...invitation(), name })],
  ['commitment: responsible’s name', (name) => commitmentSchema.safeParse(responsible({ name }))],
  ['commitment: responsible’s institution', (name) => commitmentSchema.safeParse(responsible({ institution: name }))],
  [
    'commitment: co-responsible organisation',
    (name) => commitmentSchema.safeParse(coResponsible({ organization: name })),
  ],
  ['commitment: co-responsible person', (name) => commitmentSchema.safeParse(coResponsible({ person: name }))],
];

function join(changes: object) {
  return { name: 'Ana Pérez', sector: 'academia', organization: 'UAEMéx', acceptsChathamHouse: true, ...changes };
}
function member() {
  return { email: 'ana@ejemplo.mx', name: 'Ana', password: 'una frase larga de verdad' };
}
function invitation() {
  return { token: 'A'.repeat(43), name: 'Ana', password: 'una frase larga de verdad' };
}
function responsible(changes: object) {
  const c = structuredClone(seed004Commitment);
  c.responsibles[0] = { ...c.responsibles[0]!, ...changes };
  return c;
}
function coResponsible(changes: object) {
  const c = structuredClone(seed004Commitment);
  c.coResponsible = { ...c.coResponsible, ...changes };
  return c;
}

describe('names cannot spoof', () => {
  it.each(FIELDS)('%s accepts plain names in any script', (_field, parse) => {
    for (const name of FINE) expect(parse(name).success, name).toBe(true);
  });

  it.each(FIELDS)('%s refuses every spoofing character, in Spanish', (_field, parse) => {
    for (const [what, name, message] of SPOOFING) {
      const result = parse(name);
      expect(result.success, what).toBe(false);
      expect(result.error?.issues.map((i) => i.message).join(' '), what).toMatch(message);
    }
  });

  it('says what is wrong with a name, or null', () => {
    expect(plainNameProblem('Ana')).toBeNull();
    expect(plainNameProblem('')).toBeNull(); // Emptiness is the schemas' own rule, with their own message.
    for (const [what, name, message] of SPOOFING) expect(plainNameProblem(name), what).toMatch(message);
  });
});
