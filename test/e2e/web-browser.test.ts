// The web timeline in a real browser: headless Chromium (Debian's) driven by playwright-core,
// against the bot process serving HTTP. What a reader does: opens the page in each language,
// filters by a series, opens an entry; and nothing goes wrong on the way (no console error, no
// content security policy violation, no failed request, nothing wider than a phone's screen).
// Screenshots of a phone-sized and a desktop viewport are written to test/browser/screenshots/.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { chromiumMissing, launchChromium } from "../browser/chromium.ts";
import { recordWithUpcomingRound, startWebBot } from "../browser/web-bot.ts";
import { makeDataDir, removeDataDir, REPO_ROOT, type BotProcess } from "../support/bot-process.ts";
import { startEmulator, type Emulator } from "../support/emulator.ts";

const SCREENSHOTS = join(REPO_ROOT, "test/browser/screenshots");
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/**
 * The contrast ratio (WCAG 2) of some text on the page against the colour behind it. A string,
 * not a function: tsx would wrap a function's inner functions in a helper the page lacks.
 */
const CONTRASTS = `(() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  // The colour behind an element: the first ancestor's background that is not transparent.
  const behind = (el) => {
    for (; el; el = el.parentElement) {
      const bg = getComputedStyle(el).backgroundColor;
      if (rgb(bg).length === 3 || rgb(bg)[3] > 0) return bg;
    }
    return "rgb(255, 255, 255)";
  };
  const out = {};
  for (const sel of ["h1", "main > p", "p.meta", "ol.entries h3 a", "p.countdown", "p.sources a", "form.filters label", "button", "footer.site p"]) {
    const el = document.querySelector(sel);
    if (!el) continue;
    const a = lum(rgb(getComputedStyle(el).color));
    const b = lum(rgb(behind(el)));
    out[sel] = Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100;
  }
  return out;
})()`;

const missing = chromiumMissing();
if (missing) console.log(missing);

describe("the web timeline in Chromium", { skip: missing }, () => {
  let emu: Emulator;
  let bot: BotProcess;
  let base: string;
  let dataDir: string;
  let browser: Browser;
  /** Everything that went wrong in any page: console errors, uncaught errors, CSP violations, failed requests. */
  const problems: string[] = [];

  before(async () => {
    emu = await startEmulator();
    dataDir = await makeDataDir({ events: recordWithUpcomingRound() });
    ({ bot, base } = await startWebBot(emu, dataDir));
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
    await emu?.close();
    await removeDataDir(dataDir);
  });

  async function open(viewport = PHONE, locale = "en-US", colorScheme: "light" | "dark" = "light"): Promise<Page> {
    const context = await browser.newContext({ viewport, locale, colorScheme });
    const page = await context.newPage();
    // Chromium reports a blocked load as a console error too; the event says which directive.
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()} (${page.url()})`);
    });
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on("response", (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    return page;
  }

  test("the page renders in each language: <html lang>, headings and the language switch", async () => {
    for (const [lang, locale, h1, h2s] of [
      ["en", "en-US", "Timeline of talks", ["Coming up", "History"]],
      ["ru", "ru-RU", "Хронология переговоров", ["Что предстоит", "История"]],
      ["uk", "uk-UA", "Хронологія переговорів", ["Що попереду", "Історія"]],
    ] as const) {
      // The browser's own language picks the page's: no ?lang= needed.
      const page = await open(PHONE, locale);
      const res = await page.goto(`${base}/`);
      assert.equal(res?.status(), 200);
      assert.equal(await page.getAttribute("html", "lang"), lang);
      assert.equal((await page.locator("h1").textContent())?.trim(), h1);
      assert.deepEqual((await page.locator("main h2").allTextContents()).map((s) => s.trim()), h2s);
      assert.equal(await page.locator(`nav.langs a[aria-current="true"]`).getAttribute("hreflang"), lang);
      // The styles arrived (system fonts, our colours): the sheet was not blocked.
      assert.notEqual(await page.locator("body").evaluate((b) => getComputedStyle(b).fontFamily), "");
      assert.equal(await page.locator("ol.entries > li").first().evaluate((li) => getComputedStyle(li).borderLeftWidth), "4px");
      await page.context().close();
    }
  });

  test("on a phone nothing is wider than the screen; keyboard focus is visible", async () => {
    const page = await open(PHONE);
    await page.goto(`${base}/?lang=en`);
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    assert.ok(widths.page <= widths.screen, `page ${widths.page}px wide on a ${widths.screen}px screen`);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement;
      return { text: a.textContent, outline: getComputedStyle(a).outlineStyle, left: a.getBoundingClientRect().left };
    });
    assert.deepEqual([focused.text, focused.outline], ["Skip to the timeline", "solid"]);
    assert.ok(focused.left >= 0, "the skip link shows when focused");
    await page.screenshot({ path: join(SCREENSHOTS, "timeline-phone.png") });
    await page.screenshot({ path: join(SCREENSHOTS, "timeline-phone-full.png"), fullPage: true });
    await page.goto(`${base}/?lang=en#history`);
    await page.screenshot({ path: join(SCREENSHOTS, "history-phone.png") });
    await page.context().close();
  });

  test("text keeps WCAG AA contrast (4.5:1) in the light and the dark scheme", async () => {
    for (const scheme of ["light", "dark"] as const) {
      const page = await open(PHONE, "en-US", scheme);
      await page.goto(`${base}/?lang=en`);
      const ratios = (await page.evaluate(CONTRASTS)) as Record<string, number>;
      assert.equal(Object.keys(ratios).length, 9, JSON.stringify(ratios));
      for (const [sel, ratio] of Object.entries(ratios)) assert.ok(ratio >= 4.5, `${scheme}: ${sel} has contrast ${ratio}`);
      if (scheme === "dark") await page.screenshot({ path: join(SCREENSHOTS, "timeline-phone-dark.png") });
      await page.context().close();
    }
  });

  test("a filter works: choosing a series and pressing Show lists only that series", async () => {
    const page = await open(DESKTOP);
    await page.goto(`${base}/?lang=en`);
    assert.ok((await page.locator("#history h3, section[aria-labelledby=history] h3").count()) > 1, "unfiltered: several series");
    await page.getByLabel("Series").selectOption({ label: "Leaders" });
    await Promise.all([page.waitForURL(/track=leaders/), page.getByRole("button", { name: "Show" }).click()]);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get("track"), "leaders");
    assert.equal(url.searchParams.get("lang"), "en");
    assert.deepEqual(await page.locator("section[aria-labelledby=history] h3").allTextContents(), ["Leaders"]);
    const listed = await page.locator("ol.entries article h3 a, ol.entries article h4 a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname.slice("/entries/".length)));
    const leaders = new Set(recordWithUpcomingRound().entries.filter((e: { track: string }) => e.track === "leaders").map((e: { id: string }) => e.id));
    assert.ok(listed.length > 0);
    assert.deepEqual(listed.filter((id) => !leaders.has(id)), [], "only the series' entries are listed");
    assert.equal(await page.getByLabel("Series").inputValue(), "leaders");
    await page.getByLabel("Kind").selectOption("summit");
    await Promise.all([page.waitForURL(/kind=summit/), page.getByRole("button", { name: "Show" }).click()]);
    const metas = await page.locator("section[aria-labelledby=history] ol.entries p.meta").first().textContent();
    assert.match(metas ?? "", /Summit/);
    await page.screenshot({ path: join(SCREENSHOTS, "timeline-desktop-filtered.png") });
    await page.context().close();
  });

  test("an entry page opens from its link, with its sources, and leads back to its series", async () => {
    const page = await open(DESKTOP);
    await page.goto(`${base}/?lang=ru`);
    const link = page.locator("#upcoming ~ ol.entries article h3 a, section[aria-labelledby=upcoming] article h3 a").first();
    const title = (await link.textContent())!.trim();
    await Promise.all([page.waitForURL(/\/entries\/embassy-round-4-test\?lang=ru$/), link.click()]);
    assert.equal((await page.locator("h1").textContent())?.trim(), title);
    assert.ok((await page.locator("h2").allTextContents()).includes("Источники"));
    assert.equal(await page.getByRole("link", { name: "Test & Co" }).getAttribute("href"), "https://example.org/?a=1&b=2");
    await page.screenshot({ path: join(SCREENSHOTS, "entry-desktop.png"), fullPage: true });
    await Promise.all([page.waitForURL(/track=embassy-operations/), page.getByRole("link", { name: "Работа посольств", exact: true }).click()]);
    assert.deepEqual(await page.locator("section[aria-labelledby=history] h3").allTextContents(), ["Работа посольств"]);
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: join(SCREENSHOTS, "series-phone.png") });
    await page.context().close();
  });

  test("no console errors, CSP violations or failed requests on any page visited", () => {
    assert.deepEqual(problems, []);
  });
});
