/** Every bound of the model in one place, so the schema, the form and the document accessors agree. */
export const COMMITMENT_LIMITS = {
  /** Long texts: problem, objective, commitment, activities, perspectives, notes. */
  text: 5000,
  /** Names, positions, institutions, organisations; a commitment's title and its route's steps. */
  shortText: 300,
  /** Every list: lines of action, activities per line, servants, products, indicators. */
  items: 50,
  /** Criterion II: a commitment must be feasible "en términos de tiempo (2 años)". */
  years: 2,
} as const;
