/**
 * Run as a child process by the backup kill test: unlocks a vault, makes a backup beside it and
 * prints "done". The parent kills it with SIGKILL at a random moment.
 * Args: vaultDir backupsFolder passphrase
 */
import { BackupService } from '../../main/core/backup/backups.ts';
import { defaultKeepPolicy } from '../../main/core/backup/rotation.ts';
import { Vault } from '../../main/core/vault/vault.ts';
import { cheapKdf } from './vault-fixtures.ts';

const [vaultDir, folder, passphrase] = process.argv.slice(2) as [string, string, string];
const clock = { now: () => Date.now() };
const vault = new Vault({ dir: vaultDir, clock, kdf: cheapKdf });
await vault.unlock(passphrase);
const backups = new BackupService({ vault, clock, defaultFolder: folder, chosenFolder: () => null, policy: () => defaultKeepPolicy });
process.stdout.write('started\n');
backups.create();
process.stdout.write('done\n');
vault.lock();
