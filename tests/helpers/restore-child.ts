/**
 * Run as a child process by the restore kill test: restores a backup into a vault folder and
 * prints "done". The parent kills it with SIGKILL at a random moment.
 * Args: vaultDir backupFile passphrase
 */
import { RestoreService } from '../../main/core/backup/restore.ts';
import { Vault } from '../../main/core/vault/vault.ts';
import { cheapKdf } from './vault-fixtures.ts';

const [vaultDir, backupFile, passphrase] = process.argv.slice(2) as [string, string, string];
const clock = { now: () => Date.now() };
const vault = new Vault({ dir: vaultDir, clock, kdf: cheapKdf });
const restore = new RestoreService({ vault, clock });
process.stdout.write('started\n');
await restore.open(backupFile, { passphrase });
await restore.restore(null);
vault.lock();
process.stdout.write('done\n');
