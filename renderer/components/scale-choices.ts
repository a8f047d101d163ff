/** One choice on a ScaleField: the number saved and the word or number shown. */
export interface ScaleChoice {
  value: number;
  label: string;
}

/** Whole numbers `from`–`to`, each its own label: 0, 1, … 10. */
export function numberChoices(from: number, to: number): ScaleChoice[] {
  return Array.from({ length: to - from + 1 }, (_, i) => ({ value: from + i, label: String(from + i) }));
}
