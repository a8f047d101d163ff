/**
 * Run as a child process by the first-run kill test: creates a vault and prints "done". The
 * parent kills it with SIGKILL at a random moment. Args: vaultDir passphrase
 */
import { Vault } from '../../main/core/vault/vault.ts';
import { cheapKdf } from './vault-fixtures.ts';

const [vaultDir, passphrase] = process.argv.slice(2) as [string, string];
const vault = new Vault({ dir: vaultDir, clock: { now: () => Date.now() }, kdf: cheapKdf });
process.stdout.write('started\n');
const start = performance.now();
await vault.create(passphrase);
// How long the creation itself took, for the parent to aim its kills within it.
process.stdout.write(`took ${Math.ceil(performance.now() - start)}\ndone\n`);
// Killed, never locked: like an app that dies while the recovery key is on screen.
setInterval(() => {}, 1000);
