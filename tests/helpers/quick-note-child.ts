/**
 * Run as a child process by the quick-note crash tests, and killed with SIGKILL at a random
 * moment. Args: dataDir resourcesDir write|unlock passphrase count label
 * - write: seals `count` quick notes through the router, printing "kept <i>" after each one
 *   is confirmed (what the lock screen would tell the person); note i reads "<label> <i>".
 * - unlock: unlocks (taking the waiting notes into the journal), prints "taken", locks.
 */
import { createCore } from '../../main/core/services.ts';
import { cheapKdf } from './vault-fixtures.ts';

const [dataDir, resourcesDir, mode, passphrase, count, label] = process.argv.slice(2) as [string, string, 'write' | 'unlock', string, string, string];
const core = createCore({ dataDir, resourcesDir, kdf: cheapKdf });
process.stdout.write('started\n');
if (mode === 'write') {
  for (let i = 0; i < Number(count); i++) {
    const result = await core.router.call('quickNote.write', { text: `${label} ${i}` });
    if (!result.ok) throw new Error(result.error.message);
    process.stdout.write(`kept ${i}\n`);
    await new Promise((resolve) => setImmediate(resolve));
  }
} else {
  const result = await core.router.call('vault.unlock', { passphrase });
  if (!result.ok) throw new Error(result.error.message);
  process.stdout.write('taken\n');
  core.close();
}
process.stdout.write('done\n');
