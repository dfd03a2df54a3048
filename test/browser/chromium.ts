// Headless Chromium for the browser tests: Debian's `chromium` package (apt-get install -y
// chromium), driven by playwright-core, which downloads no browser of its own (never run
// `playwright install`). A machine without it gets a reason to print instead of a browser.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Where Debian puts it; PARLEY_CHROMIUM names another build. */
export const CHROMIUM = process.env.PARLEY_CHROMIUM ?? "/usr/bin/chromium";

/** Why the browser tests cannot run here, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  return `browser tests skipped: no Chromium at ${CHROMIUM} (install it with \`apt-get update && apt-get install -y chromium\`, as .ci/run does, or set PARLEY_CHROMIUM to a Chromium executable)`;
}

/**
 * A fresh headless Chromium. playwright-core gives every launch a new temporary profile
 * (user-data-dir) and removes it on close; the flags keep Chromium from reaching the network
 * on its own (updates, sync, QUIC probes), so the only requests are the page's.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
