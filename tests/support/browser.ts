import { chromium } from 'playwright';
import type { Browser, LaunchOptions } from 'playwright';

/** Debian's Chromium, with the flags this closed network needs (no background calls home). */
export const CHROMIUM_PATH = process.env.KD_CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, ...options });
}
