/**
 * Typed transaction origins. Yjs hands a transaction's origin to every observer, every 'update' listener and every
 * Y.UndoManager; ours are frozen singletons compared by identity. Remote changes never carry one of them: a
 * provider applies what it receives with itself as the origin.
 */

/**
 * A user's own edit in this tab. Every accessor in `doc/` writes with it, whatever the area of the document, so an
 * undo manager with `trackedOrigins: new Set([localOrigin])` undoes this user's edits and never another's.
 */
export const localOrigin = Object.freeze({ kind: 'local' } as const);

/** The type of {@link localOrigin}. */
export type LocalOrigin = typeof localOrigin;

/**
 * A schema migration (`migrations.ts`). Never tracked by an undo manager: nobody's Ctrl+Z may undo a migration, and it
 * is nobody's edit.
 */
export const migrationOrigin = Object.freeze({ kind: 'migration' } as const);
