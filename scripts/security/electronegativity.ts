/**
 * `npm run lint:electron`: fails on any Electronegativity finding that is not listed, with the
 * reason it was accepted, in electronegativity-allow.json (and on entries nothing matches any more,
 * so the list stays a true record). Offline: see electronegativity-scan.ts.
 */
import { compare, readAllowList, scan } from './electronegativity-scan.ts';

const findings = await scan();
const { unexpected, stale } = compare(findings, readAllowList());
for (const f of findings) console.log(`${unexpected.includes(f) ? 'NEW    ' : 'allowed'} ${f.id} ${f.file}:${f.line}`);
for (const a of stale) console.log(`stale allow-list entry (nothing matches it now; remove it): ${a.id} ${a.file}`);
if (unexpected.length > 0 || stale.length > 0) {
  console.error(`electronegativity: ${unexpected.length} finding(s) not in scripts/security/electronegativity-allow.json, ${stale.length} stale entr(ies)`);
  process.exit(1);
}
console.log(`electronegativity: ${findings.length} finding(s), all reviewed`);
