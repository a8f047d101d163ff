import fs from 'node:fs';
import path from 'node:path';
import type { RestoreAtStart } from '../../../preload/contract/index.ts';
import { MANIFEST_FILE_NAME } from './backup-file.ts';
import { finishInterruptedRestore, SAFETY_COPY_RECORD } from './restore-swap.ts';

/**
 * `finishInterruptedRestore`, and what to tell the person about it after the next unlock: a
 * restore that was finished (which backup, and where the journal as it was is kept) or one
 * given up (the journal is as it was). Null when no restore was under way.
 */
export function settleInterruptedRestore(vaultDir: string): RestoreAtStart | null {
  const outcome = finishInterruptedRestore(vaultDir);
  if (outcome === 'none') return null;
  if (outcome === 'discarded') return { outcome: 'discarded' };
  const safetyCopy = recordedSafetyCopy(vaultDir);
  fs.rmSync(path.join(vaultDir, SAFETY_COPY_RECORD), { force: true });
  return { outcome: 'completed', backupMadeAt: backupMadeAt(vaultDir), safetyCopy };
}

/** The restored vault keeps its backup's manifest, which says when the backup was made. */
function backupMadeAt(vaultDir: string): number | null {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(vaultDir, MANIFEST_FILE_NAME), 'utf8')) as { createdAt?: unknown };
    return typeof manifest.createdAt === 'number' ? manifest.createdAt : null;
  } catch {
    return null;
  }
}

/** swapIn wrote where it moved the journal as it was before moving it (none when there was no vault). */
function recordedSafetyCopy(vaultDir: string): string | null {
  try {
    const record = JSON.parse(fs.readFileSync(path.join(vaultDir, SAFETY_COPY_RECORD), 'utf8')) as { folder?: unknown };
    return typeof record.folder === 'string' ? record.folder : null;
  } catch {
    return null;
  }
}
