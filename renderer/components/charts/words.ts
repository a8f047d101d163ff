/** The charts' own words, in one place. */

/** What an empty or too sparse chart says instead of drawing. */
export const EMPTY_CHART = 'Nothing here yet — that is fine.';
/** A table cell for a value that was not given. */
export const NOT_NOTED = 'not noted';
/** A practice with fewer sessions than a conclusion needs. */
export const TOO_FEW = 'too few to say yet';
export const SHOW_TABLE = 'Show as a table';
export const HIDE_TABLE = 'Hide the table';
/** A ladder step with no tries to draw (the page may say which time it means). */
export const NO_TRIES = 'No tries yet.';
