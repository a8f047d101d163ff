import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from '@playwright/test';

/** Debian's Chromium when present, else Playwright's own; shared by the e2e suite (playwright.config.ts) and the benches. */
export function chromiumLaunchOptions(extraArgs: string[] = []): LaunchOptions {
  const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  return {
    executablePath: process.env.SALTWATER_CHROMIUM ?? systemChromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', ...extraArgs],
  };
}

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions(extraArgs));
}
