/**
 * Row heights a VirtualList has measured, by key, and the height it assumes for a row not measured
 * yet. The guess is fixed from the first rows measured, so measuring more never moves the rows on
 * screen. The owner keeps it, so the list can come back to the same place after being away.
 */
export interface RowSizes {
  rows: Map<number, number>;
  guess: number | null;
}
