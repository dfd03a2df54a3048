// The frame every page shares: <html lang>, the landmarks (header with the language switch,
// main, footer), the stylesheet. Pages pass their <main> content already escaped.
import { escapeHtml } from "../present/html.ts";
import type { Translate } from "../present/translate.ts";
import { LANGS, type Lang } from "../record/schema.ts";
import { STYLESHEET_PATH } from "./stylesheet.ts";

/** A site-relative address with its query (empty values left out), ready for an attribute. */
export function href(path: string, params: Record<string, string | number | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") query.set(k, String(v));
  const q = query.toString();
  return escapeHtml(q ? `${path}?${q}` : path);
}

export interface Frame {
  lang: Lang;
  t: Translate;
  /** The page's title, plain text. */
  title: string;
  /** Where this page is, with its query but without `lang`: the language switch links to it. */
  path: string;
  params?: Record<string, string | number | undefined>;
  /** The zone the page's times and countdowns are in, named in the footer. */
  zone: string;
  main: string;
}

const LANG_NAMES: Record<Lang, string> = { en: "English", ru: "Русский", uk: "Українська" };

export function renderPage(f: Frame): string {
  const { lang, t } = f;
  const langLinks = LANGS.map((l) => {
    const current = l === lang ? ' aria-current="true"' : "";
    return `<li><a href="${href(f.path, { ...f.params, lang: l })}" lang="${l}" hreflang="${l}"${current}>${l.toUpperCase()}<span class="sr"> ${escapeHtml(LANG_NAMES[l])}</span></a></li>`;
  }).join("");
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(f.title)}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
<link rel="icon" href="data:,">
<link rel="alternate" type="application/atom+xml" href="${href("/feed.atom", { lang })}" title="${escapeHtml(t("web-feed-atom"))}">
<link rel="alternate" type="application/feed+json" href="${href("/feed.json", { lang })}" title="${escapeHtml(t("web-feed-json"))}">
</head>
<body>
<a class="skip" href="#main">${escapeHtml(t("web-skip"))}</a>
<header class="site"><div class="wrap">
<p class="brand"><a href="${href("/", { lang })}">${escapeHtml(t("web-brand"))}</a></p>
<nav class="langs" aria-label="${escapeHtml(t("web-nav-languages"))}"><ul>${langLinks}</ul></nav>
</div></header>
<main id="main" class="wrap">
${f.main}
</main>
<footer class="site"><div class="wrap">
<p>${escapeHtml(t("web-footer-about"))}</p>
<p>${escapeHtml(t("web-footer-zone", { zone: f.zone }))}</p>
<ul>
<li><a href="${href("/calendar.ics", { lang })}">${escapeHtml(t("web-calendar-all"))}</a></li>
<li><a href="${href("/feed.atom", { lang })}">${escapeHtml(t("web-feed-atom"))}</a></li>
<li><a href="${href("/feed.json", { lang })}">${escapeHtml(t("web-feed-json"))}</a></li>
</ul>
</div></footer>
</body>
</html>
`;
}
