// A feed's items, whatever the format: RSS 0.9x-2.0, RSS 1.0 (RDF) and Atom through
// @rowanmanning/feed-parser (fast-xml-parser underneath: it reads feeds with stray ampersands,
// unknown entities and truncated tails that a strict XML parser refuses), JSON Feed 1.0/1.1
// here, as that parser does not read it. Pure: text in, items out; an item's HTML becomes text
// only when it is asked for (itemText), since most items of a poll were seen before.
import { parseFeed as parseXmlFeed } from "@rowanmanning/feed-parser";
import { parseHTML } from "linkedom";
import { z } from "zod";

export interface FeedItem {
  /** The feed's own id of the item (RSS guid, Atom id, JSON Feed id), when it gives one. */
  guid?: string;
  /** Absolute: relative links are resolved against the feed's address. */
  link?: string;
  title?: string;
  /** The summary and the full content as the feed gives them, HTML or text. */
  summary?: string;
  content?: string;
  published?: Date;
}

export interface ParsedFeed {
  format: "rss" | "atom" | "json";
  items: FeedItem[];
}

export class FeedParseError extends Error {
  override name = "FeedParseError";
}

export function parseFeed(text: string, feedUrl: string): ParsedFeed {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{")) return parseJsonFeed(trimmed, feedUrl);
  if (!trimmed.startsWith("<")) throw new FeedParseError("not a feed: neither XML nor JSON");
  let feed: ReturnType<typeof parseXmlFeed>;
  try {
    feed = parseXmlFeed(trimmed);
  } catch (err) {
    throw new FeedParseError(/<html[\s>]/i.test(trimmed.slice(0, 2000)) ? "not a feed but an HTML page" : `not a readable RSS, RDF or Atom feed (${(err as Error).message})`);
  }
  const items: FeedItem[] = [];
  for (const item of feed.items) {
    const link = absolute(item.url, feedUrl);
    const guid = clean(item.id);
    if (!link && !guid) continue;
    items.push({ guid, link, title: clean(item.title), summary: clean(item.description), content: clean(item.content), published: item.published ?? item.updated ?? undefined });
  }
  return { format: feed.meta.type === "atom" ? "atom" : "rss", items };
}

const JsonFeedItem = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  url: z.string().optional(),
  external_url: z.string().optional(),
  title: z.string().optional(),
  summary: z.string().optional(),
  content_text: z.string().optional(),
  content_html: z.string().optional(),
  date_published: z.string().optional(),
  date_modified: z.string().optional(),
});
const JsonFeed = z.looseObject({
  version: z.string().regex(/jsonfeed\.org\/version\//),
  items: z.array(z.unknown()),
});

function parseJsonFeed(text: string, feedUrl: string): ParsedFeed {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new FeedParseError(`not valid JSON (${(err as Error).message})`);
  }
  const feed = JsonFeed.safeParse(json);
  if (!feed.success) throw new FeedParseError('JSON, but not a JSON Feed (no "version": "https://jsonfeed.org/version/1.1" and "items")');
  const items: FeedItem[] = [];
  for (const raw of feed.data.items) {
    // One odd item does not cost the others.
    const parsed = JsonFeedItem.safeParse(raw);
    if (!parsed.success) continue;
    const i = parsed.data;
    const link = absolute(i.url ?? i.external_url, feedUrl);
    const guid = i.id === undefined ? undefined : clean(String(i.id));
    if (!link && !guid) continue;
    const when = i.date_published ?? i.date_modified;
    const published = when && !Number.isNaN(Date.parse(when)) ? new Date(when) : undefined;
    items.push({ guid, link, title: clean(i.title), summary: clean(i.summary), content: clean(i.content_html ?? i.content_text), published });
  }
  return { format: "json", items };
}

function clean(value: string | null | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

function absolute(link: string | null | undefined, base: string): string | undefined {
  const l = link?.trim();
  if (!l) return undefined;
  try {
    const url = new URL(l, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const BLOCKS = "h1, h2, h3, h4, p, li, blockquote, div";

/**
 * The item as an article: the title on the first line, then its text one paragraph a line (the
 * shape the reader expects). The fuller of content and summary is taken.
 */
export function itemText(item: FeedItem): { title?: string; body: string } {
  const content = htmlToText(item.content ?? "");
  const summary = htmlToText(item.summary ?? "");
  const body = content.length >= summary.length ? content : summary;
  const title = item.title ? htmlToText(item.title).replace(/\n+/g, " ") : undefined;
  return { title, body };
}

export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/[ \t]+/g, " ").replace(/\s*\n\s*/g, "\n").trim();
  // A <br> is a line break the text must keep, or two lines run into one word.
  const { document } = parseHTML(`<html><body>${html.replace(/<br\s*\/?>/gi, "\n")}</body></html>`);
  const lines: string[] = [];
  const blocks = [...document.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  if (blocks.length === 0) return (document.body?.textContent ?? "").replace(/[ \t]+/g, " ").replace(/\s*\n\s*/g, "\n").trim();
  for (const el of blocks) {
    const t = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    if (t) lines.push(t);
  }
  // Text outside any block (a summary with <br> and bare text) would otherwise be lost.
  const all = (document.body?.textContent ?? "").replace(/\s+/g, " ").trim();
  const kept = lines.join(" ").length;
  return kept < all.length * 0.8 ? all : lines.join("\n");
}
