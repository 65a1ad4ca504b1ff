/** A school year's three terms, in the order they fall from September. */
export const TERM_NAMES = ['autumn', 'spring', 'summer'] as const
export type TermName = (typeof TERM_NAMES)[number]
