// The story inside a web page. Pages carry menus, "read also" lists and other news with their
// own dates and places; Readability (Firefox's reader view) keeps the article, and linkedom
// gives it a DOM without a browser. Pure: a page in, its article text and metadata out.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { decodeBody } from "./charset.ts";
import { detectLanguage } from "./language.ts";

export interface PageArticle {
  /** Headline on the first line, then one paragraph a line. */
  text: string;
  title?: string;
  /** YYYY-MM-DD in the outlet's zone, as the page's metadata gives it. */
  published?: string;
  outlet?: string;
}

export function looksLikeHtml(body: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body)/i.test(body) || /<\/(p|div|article)>/i.test(body.slice(0, 20_000));
}

/**
 * A saved or fetched document as bytes: decoded by its declared charset (a BOM, the
 * Content-Type header, the page's own <meta charset>), then reduced to its article when it is
 * a page. Plain text comes back as it is.
 */
export function readDocument(bytes: Uint8Array, contentType?: string | null): PageArticle {
  const text = decodeBody(bytes, contentType);
  return looksLikeHtml(text) ? articleFromHtml(text) : { text };
}

const BLOCKS = "h1, h2, h3, h4, p, li, blockquote";

// Page parts that are never the story, by the names outlets give them: other news ("read also",
// related, most read, promo cards), comments, sharing and subscription boxes, cookie banners,
// captions and photo credits. Readability drops most of them by its own scoring, but a block
// set between two paragraphs of the story looks like story to it, and its headlines name other
// contacts, with their own dates and places.
const NOT_STORY_ANYWHERE = /(read-?also|readmore|read-?more|read-?next|see-?also|also-?read|related|incut|promo|inline-item|enhancement|recommend|most-?read|more-?news|news[-_]?feed|news[-_]?list|other-?news|othersnews|sidebar|comment|disqus|subscri|newsletter|cookie|gdpr|consent|onetrust|breadcrumb|copyright|caption)/i;
const NOT_STORY_WORD = /(^|[\s_-])(share|sharing|social|tags?|banner|advert|ads?|popular|photo-?credit)([\s_-]|$)/i;
const NEVER_STORY = "script, style, noscript, nav, aside, footer, form, figcaption, iframe, button, [role=navigation], [role=complementary], [aria-hidden=true]";

// A paragraph that only points to another story: "Читайте также: …", "Read more: …".
const POINTER =
  /^\s*(читайте также|читайте також|читать также|чит\. также|также читайте|також читайте|смотрите также|дивіться також|по теме|на тему|новини з теми|новости по теме|вас також можуть зацікавити|вас также может заинтересовать|read also|also read|read more|see also|related|related coverage|more on this|read next)\s*[:.\-–—]?/iu;

export function articleFromHtml(html: string): PageArticle {
  const { document } = parseHTML(html);
  const meta = metadata(document);
  const lang = pageLanguage(document);
  clearNonStory(document);
  // Read before Readability, which changes the document it reads.
  const printed = printedDays(document);
  const parsed = new Readability(document as unknown as Document).parse();
  const title = (meta.title ?? parsed?.title ?? undefined)?.replace(/\s+/g, " ").trim();
  const lines: string[] = [];
  if (title) lines.push(title);
  if (parsed?.content) {
    const { document: body } = parseHTML(`<html><body>${parsed.content}</body></html>`);
    for (const el of body.querySelectorAll(BLOCKS)) {
      const t = (el.textContent ?? "").replace(/\s+/g, " ").trim();
      // A list item inside a paragraph (or the reverse) would be read twice.
      if (!t || lines[lines.length - 1] === t || (el.tagName === "P" && el.closest("li"))) continue;
      if (POINTER.test(t) && t.length < 300) continue;
      lines.push(t);
    }
  } else {
    lines.push((document.body?.textContent ?? "").replace(/[ \t]+/g, " "));
  }
  // A page that shows only a teaser ("Полная версия материала доступна в приложении") may carry
  // the whole story in its JSON-LD articleBody; where that is far longer than the text shown, it
  // is the story, and its later paragraphs name who took part.
  const from = title ? 1 : 0;
  const body = meta.body?.replace(/<[^>]+>/g, " ");
  if (body && body.length > 2 * lines.slice(from).join("\n").length + 200) {
    lines.splice(from, lines.length - from, ...body.split(/\n+/).map((t) => t.replace(/\s+/g, " ").trim()).filter((t) => t.length > 0));
  }
  const text = lines.join("\n");
  const byline = parsed?.byline ? dayIn(parsed.byline) : undefined;
  const published = publishedDay(meta, byline ? [...printed, byline] : printed, lang ?? detectLanguage(text));
  return { text, title, published, outlet: meta.outlet ?? parsed?.siteName ?? undefined };
}

function clearNonStory(document: Document): void {
  for (const el of [...document.querySelectorAll(NEVER_STORY)]) el.remove();
  for (const el of [...document.querySelectorAll("[class], [id]")]) {
    // The story's own container may be named "article-tags-and-text"; only small blocks go.
    const name = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`;
    if (!(NOT_STORY_ANYWHERE.test(name) || NOT_STORY_WORD.test(name)) || el.querySelector("h1")) continue;
    if ((el.textContent ?? "").length < 2000 || /comment/i.test(name)) el.remove();
  }
  for (const el of [...document.querySelectorAll("p, div")]) {
    const t = el.textContent ?? "";
    if (t.length < 300 && POINTER.test(t) && el.isConnected) el.remove();
  }
}

interface Metadata {
  title?: string;
  outlet?: string;
  /** The story's text as the page's JSON-LD gives it (articleBody). */
  body?: string;
  /** An instant as the page states it ("2025-04-07T09:15:00+03:00", "2025-10-21T01:10:00Z", "2025-04-07"). */
  instant?: string;
}

function metadata(document: Document): Metadata {
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute("content")?.trim() || undefined;
  const ld = jsonLdArticle(document);
  const name = (x: unknown): string | undefined => (typeof x === "string" ? x : x && typeof x === "object" && typeof (x as { name?: unknown }).name === "string" ? (x as { name: string }).name : undefined);
  const instant =
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="article:published_time"]') ??
    (typeof ld?.datePublished === "string" ? ld.datePublished : undefined) ??
    meta('meta[itemprop="datePublished"]') ??
    document.querySelector('[itemprop="datePublished"][datetime]')?.getAttribute("datetime") ??
    meta('meta[name="pubdate"]') ??
    meta('meta[name="publish-date"]') ??
    meta('meta[name="dc.date"]') ??
    meta('meta[name="DC.date.issued"]') ??
    meta('meta[name="date"]') ??
    document.querySelector("article time[datetime], time[datetime]")?.getAttribute("datetime") ??
    undefined;
  const publisher = name(Array.isArray(ld?.publisher) ? ld.publisher[0] : ld?.publisher);
  return {
    title: (typeof ld?.headline === "string" ? ld.headline : undefined) ?? meta('meta[property="og:title"]') ?? undefined,
    outlet: meta('meta[property="og:site_name"]') ?? publisher,
    body: typeof ld?.articleBody === "string" ? ld.articleBody : undefined,
    instant,
  };
}

type JsonLd = { [k: string]: unknown };

/** The page's JSON-LD NewsArticle (or Article, BlogPosting, ReportageNewsArticle), wherever it is nested. */
function jsonLdArticle(document: Document): JsonLd | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue; // outlets ship broken JSON-LD; the other metadata still stands
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const x = queue.shift();
      if (Array.isArray(x)) queue.push(...x);
      else if (x && typeof x === "object") {
        const o = x as JsonLd;
        const type = ([] as unknown[]).concat(o["@type"]);
        if (type.some((t) => typeof t === "string" && /(NewsArticle|^Article$|BlogPosting|Report)/.test(t))) return o;
        if (o["@graph"]) queue.push(o["@graph"]);
      }
    }
  }
  return undefined;
}

// The zone an outlet dates its pages in, when its metadata gives the instant in UTC and the page
// prints no day of its own: Russian outlets Moscow time, Ukrainian ones Kyiv time.
const ZONE: Record<string, string> = { ru: "Europe/Moscow", uk: "Europe/Kyiv" };

/**
 * The publication day in the outlet's zone. A timestamp with its own offset is local already.
 * One in UTC ("…T21:30:00Z", which many CMSs write) may fall on the day before or after the
 * outlet's: the day the page prints beside its headline ("25 окт, 00:30", "October 20, 2025")
 * is the outlet's, when it is within a day of the instant; else the language's usual zone.
 */
function publishedDay(meta: Metadata, printed: string[], lang: string): string | undefined {
  const instant = meta.instant;
  const day = instant?.match(/^\d{4}-\d{2}-\d{2}/)?.[0];
  if (!instant || !day) return printed[0];
  const utc = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]00:?00)$/i.test(instant);
  if (!utc) return day;
  const at = Date.parse(instant);
  if (Number.isNaN(at)) return day;
  const near = [-1, 0, 1].map((d) => new Date(at + d * 86_400_000).toISOString().slice(0, 10));
  const local = printed.find((d) => near.includes(d));
  if (local) return local;
  const zone = ZONE[lang];
  if (!zone) return day;
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

const MONTHS: [RegExp, number][] = [
  [/^(jan|январ|янв|січ)/, 1],
  [/^(feb|феврал|фев|лют)/, 2],
  [/^(mar|март|мар|берез)/, 3],
  [/^(apr|апрел|апр|квіт)/, 4],
  [/^(may|ма[йя]|трав)/, 5],
  [/^(jun|июн|черв)/, 6],
  [/^(jul|июл|лип)/, 7],
  [/^(aug|август|авг|серп)/, 8],
  [/^(sep|сентябр|сен|верес)/, 9],
  [/^(oct|октябр|окт|жовт)/, 10],
  [/^(nov|ноябр|ноя|листоп)/, 11],
  [/^(dec|декабр|дек|груд)/, 12],
];

function month(word: string): number | undefined {
  const w = word.toLowerCase();
  return MONTHS.find(([re]) => re.test(w))?.[1];
}

/** The page's language as it declares it (<html lang>, og:locale), if one Parley reads. */
function pageLanguage(document: Document): string | undefined {
  const declared = (document.documentElement?.getAttribute("lang") || document.querySelector('meta[property="og:locale"]')?.getAttribute("content") || "").slice(0, 2).toLowerCase();
  if (declared === "ru" || declared === "uk" || declared === "en") return declared;
  return undefined;
}

/** Days printed in the page's date elements (<time>, "…date…" blocks), first first. */
function printedDays(document: Document): string[] {
  const texts: string[] = [];
  for (const el of document.querySelectorAll('time, [class*="date" i], [class*="time" i], [class*="publish" i], [itemprop="datePublished"]')) {
    const t = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    if (t && t.length < 120) texts.push(t);
    if (texts.length >= 8) break;
  }
  const out: string[] = [];
  for (const t of texts) {
    const d = dayIn(t);
    if (d) out.push(d);
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, "0");

function dayIn(t: string): string | undefined {
  let m = /(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /\b(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})\b/.exec(t);
  if (m) return valid(m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]), Number(m[2]), Number(m[1]));
  m = /\b(\d{1,2})\s+(\p{L}+)\.?,?\s+(\d{4})/u.exec(t);
  if (m && month(m[2])) return valid(Number(m[3]), month(m[2])!, Number(m[1]));
  m = /\b(\p{L}+)\.?\s+(\d{1,2}),?\s+(\d{4})/u.exec(t);
  if (m && month(m[1])) return valid(Number(m[3]), month(m[1])!, Number(m[2]));
  return undefined;
}

function valid(y: number, mo: number, d: number): string | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}`;
}
