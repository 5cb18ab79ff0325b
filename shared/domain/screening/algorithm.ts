/**
 * Which screening made a stored proposal. Raise it whenever `screenPlan` or its vocabulary
 * changes what it proposes: stored screenings of an older algorithm are re-screened on read, so a
 * trekker never judges a proposal that today's code would not make.
 */
export const SCREENING_ALGORITHM_VERSION = 1;
