import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

/** Debian's Chromium when present (as in the e2e suite), else Playwright's own. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  return chromium.launch({
    executablePath: process.env.SALTWATER_CHROMIUM ?? systemChromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', ...extraArgs],
  });
}
