// How a feed item is known again, across polls and restarts: its id ("<feed id>:<guid>", or the
// normalised link when the feed gives no guid), its normalised link (the same article in two
// feeds of one outlet, or with tracking parameters), and a fingerprint of its words (the same
// story re-posted by the outlet under a new link). Pure.
import { createHash } from "node:crypto";

/** Query parameters that say who sent the reader, not which article it is. */
const TRACKING = /^(utm_.*|fbclid|gclid|dclid|msclkid|yclid|ysclid|mc_cid|mc_eid|igshid|_ga|_gl|ref|ref_src|rss|from|at_medium|at_campaign|cmpid|ncid|sr_share|share)$/i;

/** Lower-case scheme and host, no default port, no fragment, no tracking parameters, no trailing slash. */
export function normaliseLink(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return link.trim();
  }
  url.hash = "";
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  url.searchParams.sort();
  const path = url.pathname.replace(/\/+$/, "");
  const query = url.searchParams.toString();
  // http and https of one article are one article.
  return `${url.host.toLowerCase().replace(/^www\./, "")}${path}${query ? `?${query}` : ""}`;
}

export function itemId(feedId: string, item: { guid?: string; link?: string }): string {
  const key = item.guid ?? (item.link ? normaliseLink(item.link) : undefined);
  if (!key) throw new Error("an item without guid or link has no id");
  return `${feedId}:${key}`;
}

/**
 * The story's words, not its markup, spelling of quotes or spacing: the title and the first
 * 600 letters of its text, lower-cased, letters and digits only. Undefined when there is too
 * little to tell two stories apart (a bare headline of a few words could repeat).
 */
export function fingerprint(title: string | undefined, text: string): string | undefined {
  const words = (s: string) => s.toLowerCase().replace(/ё/g, "е").replace(/<[^>]*>/g, " ").replace(/&[a-z#0-9]+;/g, " ").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  const body = words(text).slice(0, 600);
  const head = words(title ?? "");
  if (head.length + body.length < 40) return undefined;
  return createHash("sha256").update(`${head}\n${body}`).digest("hex").slice(0, 32);
}
