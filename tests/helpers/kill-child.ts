import { spawn } from 'node:child_process';

export type KillWhen =
  /** SIGKILL this long after the child printed "started". */
  | { afterStartedMs: number }
  /** SIGKILL as soon as the child printed this line. */
  | { onLine: string }
  /** Let it run to the end. */
  | 'never';

/**
 * Runs a TypeScript helper in a child Node process and kills it with SIGKILL as told, like an
 * app killed or crashing at that moment. Resolves with what it printed and whether it was killed;
 * rejects when it failed on its own.
 */
export function runChild(script: string, args: string[], when: KillWhen): Promise<{ out: string; killed: boolean; ranMs: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let startedAt = 0;
    let timer: NodeJS.Timeout | undefined;
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!startedAt && out.includes('started\n')) {
        startedAt = Date.now();
        if (typeof when === 'object' && 'afterStartedMs' in when) timer = setTimeout(() => proc.kill('SIGKILL'), when.afterStartedMs);
      }
      if (typeof when === 'object' && 'onLine' in when && out.includes(`${when.onLine}\n`)) proc.kill('SIGKILL');
      // A child that finished and only waits to be killed is killed now (there is nothing left to cut).
      if (when !== 'never' && out.includes('done\n')) proc.kill('SIGKILL');
    });
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      const ranMs = startedAt ? Date.now() - startedAt : 0;
      if (signal === 'SIGKILL') resolve({ out, killed: true, ranMs });
      else if (code === 0) resolve({ out, killed: false, ranMs });
      else reject(new Error(`child ${script} failed (${code}): ${err}`));
    });
  });
}
