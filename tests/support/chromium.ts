import { existsSync } from 'node:fs';

/**
 * Debian's Chromium, run as root on a machine whose only network is the package registries. Its headless
 * shell (package chromium-headless-shell, what Playwright itself runs headless) when installed: the same
 * engine without the full browser's UI process, measured here at under half the time of the full browser
 * on the same 102 pages (docs/adr/0025).
 */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
/** The full browser, for tools that drive it themselves (Lighthouse's chrome-launcher). */
export const fullChromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : fullChromiumPath);
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
