// Which language a page is in: `?lang=` when it names one of ours, else the best of the
// browser's Accept-Language that we have, else English. Links on a page carry `lang=`, so a
// reader who chose a language keeps it from page to page.
import type { Lang } from "../record/schema.ts";
import { isLang, langFromCode } from "../present/translate.ts";

export function pageLang(queryLang: string | undefined, acceptLanguage: string | undefined): Lang {
  if (isLang(queryLang)) return queryLang;
  return fromAcceptLanguage(acceptLanguage) ?? "en";
}

/** "uk-UA,uk;q=0.9,ru;q=0.8,en;q=0.5" → "uk": the highest-weighted tag we have (q=0 means "not this"). */
export function fromAcceptLanguage(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  let best: { lang: Lang; q: number } | undefined;
  // A header is a handful of tags; a hostile one is cut rather than parsed at length.
  for (const part of header.slice(0, 500).split(",").slice(0, 20)) {
    const [tag, ...params] = part.trim().split(";");
    const lang = langFromCode(tag.trim());
    if (!lang) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!(q > 0)) continue;
    if (!best || q > best.q) best = { lang, q };
  }
  return best?.lang;
}
