import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, with the flags this machine's closed network needs (without the
 * background-networking ones it keeps trying to reach Google's hosts). Fails loudly when Chromium
 * is not installed: a browser test that silently passed without a browser would prove nothing.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}. Run "npm run setup" (it installs Debian's chromium with apt-get) or "sudo apt-get install -y chromium".`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Only loopback: the playground's page asks a CDN for fonts and falls back without them. */
export const NOT_LOOPBACK = /^https?:\/\/(?!localhost|127\.0\.0\.1)/;
