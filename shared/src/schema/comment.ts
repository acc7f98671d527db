import { z } from 'zod';
import { plainNameProblem } from './plainName';

/** The longest comment: a few paragraphs, enough to argue a point, short enough to read aloud in a plenary. */
export const COMMENT_TEXT_MAX = 1000;

/**
 * What a person writes as a comment or a reply: trimmed, not empty, bounded, and with no characters that hide or
 * reorder what it says (line breaks are allowed: a comment may have paragraphs).
 */
export const commentTextSchema = z
  .string({ error: 'Escriba el comentario.' })
  .trim()
  .min(1, 'Escriba el comentario.')
  .max(COMMENT_TEXT_MAX, `El comentario admite como máximo ${COMMENT_TEXT_MAX} caracteres.`)
  .superRefine((value, ctx) => {
    // A comment may break lines; every other rule of a plain name applies (no bidi overrides, no lone surrogates).
    const problem = plainNameProblem(value.replace(/\r?\n/g, ' '));
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * What a comment is about: a field of the commitment draft (`campo:<path>`, the path as `missingFields` names it,
 * e.g. `campo:linesOfAction.<id>.title`) or a node of the problem tree (`nodo:<id>`, `nodo:root` for the problem).
 */
export const commentTargetSchema = z.string().regex(/^(campo|nodo):[A-Za-z0-9_.-]{1,200}$/);
export type CommentTarget = z.infer<typeof commentTargetSchema>;

/** The target of a field of the commitment draft. */
export const fieldTarget = (path: string): CommentTarget => `campo:${path}`;
/** The target of a node of the problem tree. */
export const nodeTarget = (id: string): CommentTarget => `nodo:${id}`;

/**
 * A comment as stored in the mesa's Y.Doc (see `doc/comments.ts`), validated when read. The author is a participant
 * id, never a name: names show only live, from presence (Chatham House rule).
 */
export const storedCommentSchema = z.object({
  target: commentTargetSchema,
  /** The thread's first comment, for a reply; null for the first comment of a thread. */
  threadId: z.string().min(1).max(64).nullable(),
  text: commentTextSchema,
  authorId: z.string().min(1).max(64).nullable(),
  createdAt: z.number().int().nonnegative(),
  resolved: z.boolean().optional(),
});
export type StoredComment = z.infer<typeof storedCommentSchema>;
