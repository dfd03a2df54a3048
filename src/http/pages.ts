// The web timeline's routes: `/` (upcoming, then the history by series, filtered by ?track= and
// ?kind=, paged by ?page=), `/entries/<id>` and the stylesheet. Thin: the language, the query
// and the cache check here; the page itself is rendered by src/web/ (pure).
//
// The same page opens inside Telegram as a Mini App (the "🌐 Timeline" button). It shows the
// public record and nothing per user, so it neither reads nor validates Telegram's initData; a
// page that ever shows something per user must validate initData (HMAC with the bot token)
// before trusting any of it.
import type { Context, Hono } from "hono";
import type { Reader } from "../present/entries.ts";
import { KINDS, type Kind, type Lang } from "../record/schema.ts";
import { renderEntryPage, renderNotFound } from "../web/entry-page.ts";
import { pageLang } from "../web/language.ts";
import { STYLESHEET, STYLESHEET_PATH } from "../web/stylesheet.ts";
import { renderTimeline, type TimelineQuery } from "../web/timeline.ts";
import { etagFor, notModified, recordVersion } from "./caching.ts";
import type { HttpDeps } from "./deps.ts";

/** Pages may be kept this long before a browser asks again (and then usually gets a 304). */
const PAGE_MAX_AGE = 60;
/** Page numbers beyond this are not served: 10,000 pages of 50 cover a record far beyond 100,000 entries. */
const MAX_PAGE = 10_000;
/** Rendered pages kept for the current minute (a page is 20-40 kB). */
const PAGES_KEPT = 200;

function readerFor(c: Context, deps: HttpDeps): Reader {
  const lang: Lang = pageLang(c.req.query("lang"), c.req.header("Accept-Language"));
  // Visitors have no stored zone: dates, "today" and countdowns are in DEFAULT_TIMEZONE, which
  // the footer names.
  return { lang, zone: deps.defaultTimezone, now: deps.clock(), t: deps.t(lang) };
}

/**
 * The page depends on the record, the address, the language and the clock (countdowns count
 * minutes in the last hour): all four make its ETag, so a 304 is never a stale page, and the
 * same ETag finds a page already rendered for another reader in the last minute.
 */
function pageTag(c: Context, deps: HttpDeps, r: Reader): string {
  const minute = Math.floor(r.now.getTime() / 60_000);
  return etagFor(recordVersion(deps.record()), `${r.lang}|${c.req.url}|${minute}`);
}

/** Rendered pages by ETag: a busy `/` is rendered once a minute per language, not per visitor. */
class RenderedPages {
  readonly #pages = new Map<string, string>();
  #minute = -1;

  get(tag: string, now: Date, render: () => string): string {
    const minute = Math.floor(now.getTime() / 60_000);
    // Every tag holds its minute, so a new minute makes the old pages unreachable: drop them.
    if (minute !== this.#minute) {
      this.#pages.clear();
      this.#minute = minute;
    }
    let html = this.#pages.get(tag);
    if (html === undefined) {
      html = render();
      if (this.#pages.size >= PAGES_KEPT) this.#pages.delete(this.#pages.keys().next().value!);
      this.#pages.set(tag, html);
    }
    return html;
  }
}

function timelineQuery(c: Context, deps: HttpDeps): TimelineQuery {
  const track = c.req.query("track");
  const kind = c.req.query("kind");
  const page = Number(c.req.query("page") ?? "1");
  // Unknown values are dropped rather than refused: the reader still gets the timeline.
  return {
    track: track && deps.record().byTrack.has(track) ? track : undefined,
    kind: (KINDS as readonly string[]).includes(kind ?? "") ? (kind as Kind) : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
}

export function pageRoutes(app: Hono, deps: HttpDeps): void {
  const rendered = new RenderedPages();
  /** Answers 304 when the browser holds the page, else the page (rendered or kept). */
  const page = (c: Context, r: Reader, render: () => string) => {
    c.header("Vary", "Accept-Language");
    c.header("Content-Language", r.lang);
    const tag = pageTag(c, deps, r);
    if (notModified(c, tag, PAGE_MAX_AGE)) return c.body(null, 304);
    return c.html(rendered.get(tag, r.now, render));
  };

  app.get(STYLESHEET_PATH, (c) => c.body(STYLESHEET, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable" }));

  app.get("/", (c) => {
    const r = readerFor(c, deps);
    return page(c, r, () => renderTimeline(deps.record(), r, timelineQuery(c, deps)));
  });

  app.get("/entries/:id", (c) => {
    const r = readerFor(c, deps);
    const id = c.req.param("id");
    const record = deps.record();
    const e = record.find(id);
    if (!e) {
      c.header("Content-Language", r.lang);
      return c.html(renderNotFound(r, id, `/entries/${encodeURIComponent(id)}`), 404);
    }
    return page(c, r, () => renderEntryPage(record, e, r));
  });
}
