// The story inside a web page. Pages carry menus, "read also" lists and other news with their
// own dates and places; Readability (Firefox's reader view) keeps the article, and linkedom
// gives it a DOM without a browser. Pure: HTML text in, article text out.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

export interface PageArticle {
  /** Headline on the first line, then one paragraph a line. */
  text: string;
  title?: string;
  /** YYYY-MM-DD, as the page's metadata gives it. */
  published?: string;
  outlet?: string;
}

export function looksLikeHtml(body: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body)/i.test(body) || /<\/(p|div|article)>/i.test(body.slice(0, 20_000));
}

const BLOCKS = "h1, h2, h3, h4, p, li, blockquote";

export function articleFromHtml(html: string): PageArticle {
  const { document } = parseHTML(html);
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute("content") ?? undefined;
  const metaDate =
    meta('meta[property="article:published_time"]') ?? meta('meta[itemprop="datePublished"]') ?? meta('meta[name="pubdate"]') ?? document.querySelector("time[datetime]")?.getAttribute("datetime") ?? undefined;
  const siteName = meta('meta[property="og:site_name"]');
  // Readability changes the document it reads; it gets its own copy.
  const parsed = new Readability(parseHTML(html).document as unknown as Document).parse();
  const lines: string[] = [];
  if (parsed?.title) lines.push(parsed.title.trim());
  if (parsed?.content) {
    const { document: body } = parseHTML(`<html><body>${parsed.content}</body></html>`);
    for (const el of body.querySelectorAll(BLOCKS)) {
      const t = (el.textContent ?? "").replace(/\s+/g, " ").trim();
      // A list item inside a paragraph (or the reverse) would be read twice.
      if (t && lines[lines.length - 1] !== t && !(el.tagName === "P" && el.closest("li"))) lines.push(t);
    }
  } else {
    lines.push((document.body?.textContent ?? "").replace(/[ \t]+/g, " "));
  }
  const published = (parsed?.publishedTime ?? metaDate)?.match(/^\d{4}-\d{2}-\d{2}/)?.[0];
  return { text: lines.join("\n"), title: parsed?.title ?? undefined, published, outlet: parsed?.siteName ?? siteName ?? undefined };
}
