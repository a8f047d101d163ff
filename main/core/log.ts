/**
 * The one way core services report a problem: where, and what kind. Never content — no
 * entry text, no passphrases, no names — so logs stay safe to share.
 */
export function logProblem(where: string, detail: string): void {
  console.error(`[saltwater] ${where}: ${detail}`);
}

/** The kind of an error, without its message (messages can carry content). */
export function errorKind(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown error';
}
