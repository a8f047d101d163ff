/**
 * A short offline list of crisis lines, shown from every session and from the stop screen.
 * Saltwater only shows these: it never calls, texts or contacts anyone, and no one at Saltwater
 * sees that the list was opened. A later issue adds the person's own contacts and a fuller list.
 */
export interface CrisisLine {
  region: string;
  text: string;
}

export const crisisLines: readonly CrisisLine[] = [
  { region: 'United States', text: 'United States: call or text 988 (988 Suicide & Crisis Lifeline)' },
  { region: 'Canada', text: 'Canada: call or text 988' },
  { region: 'United Kingdom and Ireland', text: 'United Kingdom and Ireland: Samaritans, 116 123 (free, any time)' },
  { region: 'Australia', text: 'Australia: Lifeline, 13 11 14' },
  { region: 'New Zealand', text: 'New Zealand: call or text 1737' },
];

export const emergencyLine = 'If you are in danger right now, call your local emergency number.';
