// GET /feed.atom and GET /feed.json (JSON Feed 1.1), ?lang=ru|uk|en: what Parley announced,
// newest first, each item the very line subscribers got in their digest (digest/render.ts
// changeLine), linking to its entry's page. Read from the announced store's bounded history;
// nothing about subscribers is in it.
import type { Context, Hono } from "hono";
import { changeLine } from "../digest/render.ts";
import { escapeHtml, plainText } from "../present/html.ts";
import type { Lang } from "../record/schema.ts";
import type { LoggedChange } from "../store/announced.ts";
import { pageLang } from "../web/language.ts";
import { etagFor, notModified, recordVersion } from "./caching.ts";
import type { HttpDeps } from "./deps.ts";

/** Feed readers poll every few minutes to hours. */
export const FEED_MAX_AGE = 300;

export interface FeedItem {
  id: string;
  /** The entry's page. */
  url: string;
  title: string;
  /** The digest line as HTML (Telegram's subset: b, i, u, code, a). */
  html: string;
  at: string;
  entryId: string;
}

/** The feed's items: announced changes whose entry is still in the record, newest first. */
export function feedItems(deps: HttpDeps, lang: Lang): FeedItem[] {
  const announced = deps.announced();
  if (!announced) return [];
  const record = deps.record();
  const words = { lang, t: deps.t(lang) };
  const items: FeedItem[] = [];
  for (const logged of announced.history()) {
    const e = record.find(logged.change.entryId);
    if (!e) continue;
    const html = changeLine(logged.change, e, words);
    const url = `${deps.publicUrl}/entries/${encodeURIComponent(e.id)}`;
    items.push({ id: itemId(deps.publicUrl, logged), url, title: plainText(html).split("\n")[0], html, at: logged.at, entryId: e.id });
  }
  return items;
}

/** A stable, unique id per announced change (its sequence number never repeats). */
function itemId(publicUrl: string, logged: LoggedChange): string {
  return `${publicUrl}/feed#change-${logged.seq}`;
}

function feedTitle(deps: HttpDeps, lang: Lang): string {
  return plainText(deps.t(lang)("digest-title")).replace(/^\W+/u, "").trim();
}

export function renderAtom(deps: HttpDeps, lang: Lang, items: FeedItem[]): string {
  const self = `${deps.publicUrl}/feed.atom?lang=${lang}`;
  const updated = items[0]?.at ?? new Date(0).toISOString();
  const x = escapeHtml;
  const entries = items.map(
    (i) => `  <entry>
    <id>${x(i.id)}</id>
    <title>${x(i.title)}</title>
    <updated>${i.at}</updated>
    <link rel="alternate" type="text/html" href="${x(i.url)}"/>
    <content type="html">${x(i.html.replace(/\n/g, "<br>"))}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">
  <id>${x(`${deps.publicUrl}/feed.atom`)}</id>
  <title>${x(feedTitle(deps, lang))}</title>
  <updated>${updated}</updated>
  <author><name>Parley</name></author>
  <link rel="self" type="application/atom+xml" href="${x(self)}"/>
  <link rel="alternate" type="text/html" href="${x(`${deps.publicUrl}/?lang=${lang}`)}"/>
${entries.join("\n")}
</feed>
`;
}

export function renderJsonFeed(deps: HttpDeps, lang: Lang, items: FeedItem[]): object {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: feedTitle(deps, lang),
    home_page_url: `${deps.publicUrl}/?lang=${lang}`,
    feed_url: `${deps.publicUrl}/feed.json?lang=${lang}`,
    language: lang,
    authors: [{ name: "Parley" }],
    items: items.map((i) => ({
      id: i.id,
      url: i.url,
      title: i.title,
      content_html: i.html.replace(/\n/g, "<br>"),
      date_published: i.at,
      tags: [i.entryId],
    })),
  };
}

export function feedRoutes(app: Hono, deps: HttpDeps): void {
  const serve = (c: Context, format: "atom" | "json") => {
    const lang = pageLang(c.req.query("lang"), undefined);
    const announced = deps.announced();
    const etag = etagFor(recordVersion(deps.record()), `feed|${format}|${lang}|${announced?.lastSeq ?? "-"}|${deps.publicUrl}`);
    if (notModified(c, etag, FEED_MAX_AGE)) return c.body(null, 304);
    const items = feedItems(deps, lang);
    if (format === "json") return c.body(JSON.stringify(renderJsonFeed(deps, lang, items)), 200, { "Content-Type": "application/feed+json; charset=utf-8" });
    return c.body(renderAtom(deps, lang, items), 200, { "Content-Type": "application/atom+xml; charset=utf-8" });
  };
  app.get("/feed.atom", (c) => serve(c, "atom"));
  app.get("/feed.json", (c) => serve(c, "json"));
}
