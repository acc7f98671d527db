import type { z } from 'zod';

/** C0 and C1 control characters (`Cc`), NUL, tab and line breaks included: a name is one line of visible text. */
const CONTROL = /\p{Cc}/u;
/** Bidirectional embeddings, overrides and isolates: they make text read in another order than it is stored. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** Half of a UTF-16 surrogate pair without its other half: not a character, and not encodable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** What shows nothing: format characters (zero-width spaces and joiners, the BOM), separators, combining marks. */
const INVISIBLE = /[\p{Cf}\p{Z}\p{M}\u115F\u1160\u3164\uFFA0]/gu;

/**
 * Why `value` cannot be the name of a person or an organisation, or null if it can. A name is shown to others (in
 * presence, the review history, the public board): one that hides characters, reorders what follows it or shows
 * nothing could pass for someone else, or make a line read as something it is not.
 */
export function plainNameProblem(value: string): string | null {
  if (LONE_SURROGATE.test(value)) return 'Contiene caracteres no válidos.';
  if (CONTROL.test(value)) return 'No puede contener caracteres de control ni saltos de línea.';
  if (BIDI_CONTROL.test(value)) return 'No puede contener caracteres que cambian la dirección del texto.';
  if (value.length > 0 && value.replace(INVISIBLE, '').length === 0) return 'Debe contener letras visibles.';
  return null;
}

/**
 * The zod refinement every person-name-ish field uses (participants' names and organisations, STL members' names,
 * the people and institutions a commitment names): `.superRefine(plainName)`.
 */
export function plainName(value: string, ctx: z.RefinementCtx): void {
  const problem = plainNameProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
}
