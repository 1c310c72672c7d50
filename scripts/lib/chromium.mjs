// Headless Debian Chromium for the browser tests and the measuring scripts: one place for the
// flags that keep it from reaching the network on its own (these machines refuse it anyway).
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh persistent context (launch() refuses --user-data-dir) on `profileDir`. */
export function launchChromium(profileDir, options = {}) {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
}
