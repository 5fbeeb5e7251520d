// End-to-end harness: the real app serving the built client, and Debian's Chromium driven by
// playwright-core (never a downloaded browser).
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { DEFAULT_CLIENT_DIR, type AppOptions } from "../../server/app";
import { startServer as startApp, type TestServer } from "../helpers/app";

export { api, createDemoEvent, createEvent, join, openVoting, vote } from "../helpers/app";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The real app with the built client (run `npm run build` first; a missing build fails). */
export async function startServer(options: Partial<AppOptions> = {}): Promise<TestServer> {
  if (!existsSync(`${DEFAULT_CLIENT_DIR}/index.html`)) throw new Error("dist/client is missing: run `npm run build` before the e2e tests");
  return startApp({ clientDir: DEFAULT_CLIENT_DIR, publicResultsIntervalMs: 250, ...options });
}

/** In CI a missing browser is a failure, never a skip. `extraArgs` go to Chromium's command line. */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
      ...extraArgs,
    ],
  });
}

// English unless a test asks otherwise: the phone follows the browser's language (issue 12).
export const PHONE = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "en-US" };
export const PROJECTOR = { viewport: { width: 1280, height: 720 } };

/**
 * Acts in the very task after the page first draws an element matching `selector`: a tap on it
 * (`click`, as soon as it exists) or a key pressed on the page (once it has some text, so the view the
 * key acts on is drawn), as a finger or a clicker can before the page's plain effects have run (under
 * preact/compat they wait for the next frame). Set before the page loads.
 */
export function actOnFirstDraw(page: Page, selector: string, act: { click: true } | { key: string }): Promise<unknown> {
  return page.addInitScript(
    ([sel, a]) => {
      const seen = new MutationObserver(() => {
        const el = document.querySelector<HTMLElement>(sel);
        if (!el || (!("click" in a) && !el.textContent)) return;
        seen.disconnect();
        setTimeout(() => ("click" in a ? el.click() : document.body.dispatchEvent(new KeyboardEvent("keydown", { key: a.key, bubbles: true }))), 0);
      });
      seen.observe(document, { childList: true, subtree: true, characterData: true });
    },
    [selector, act] as const,
  );
}
