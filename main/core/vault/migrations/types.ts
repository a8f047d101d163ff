import type Database from 'better-sqlite3-multiple-ciphers';

/** One schema step. `version` must equal its position + 1; `up` runs inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
