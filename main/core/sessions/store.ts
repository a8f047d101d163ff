import { statement } from '../vault/statements.ts';
import type { Db } from '../vault/database.ts';

/** undefined when there is no such session; 'running' until it ends. */
export function sessionState(db: Db, sessionId: number): 'running' | 'ended' | undefined {
  const row = statement(db, 'SELECT outcome FROM sessions WHERE id = ?').get(sessionId) as { outcome: string | null } | undefined;
  if (!row) return undefined;
  return row.outcome === null ? 'running' : 'ended';
}

export function sessionExists(db: Db, sessionId: number): boolean {
  return sessionState(db, sessionId) !== undefined;
}
