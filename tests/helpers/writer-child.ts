/**
 * Run as a child process by the unclean-exit tests: unlocks a vault, writes `count` entries
 * (one transaction each, as autosave does), prints "written", then either locks and exits
 * ("clean") or waits to be killed with SIGKILL ("kill"). Args: vaultDir passphrase count clean|kill
 */
import { Journal } from '../../main/core/journal/journal.ts';
import { Vault } from '../../main/core/vault/vault.ts';
import { cheapKdf } from './vault-fixtures.ts';

const [vaultDir, passphrase, count, how] = process.argv.slice(2) as [string, string, string, 'clean' | 'kill'];
const clock = { now: () => Date.now() };
const vault = new Vault({ dir: vaultDir, clock, kdf: cheapKdf });
await vault.unlock(passphrase);
const journal = new Journal(() => vault.db(), clock);
process.stdout.write('started\n');
for (let i = 0; i < Number(count); i++) {
  journal.create({ body: `Written before the end ${i}` });
  // Let the write's record land (a microtask), as between two real saves.
  await new Promise((resolve) => setImmediate(resolve));
}
process.stdout.write('written\n');
if (how === 'clean') {
  vault.lock();
  process.stdout.write('done\n');
} else {
  setInterval(() => {}, 1000);
}
