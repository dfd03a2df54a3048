// How rendering code gets words: a translate function bound to one language (the i18n
// plugin's ctx.t in handlers, i18n.t(lang, ...) in the digest job), and the fallback rule
// for record text that lacks the reader's language.
import { LANGS, type Lang, type Localized } from "../record/schema.ts";
import { escapeHtml } from "./html.ts";

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** Order in which to fall back when the reader's language is missing. */
const FALLBACK: Record<Lang, Lang[]> = { en: ["en", "ru", "uk"], ru: ["ru", "uk", "en"], uk: ["uk", "ru", "en"] };

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** Telegram's language_code ("ru", "uk", "en-GB", "be") to one of ours; undefined if none fits. */
export function langFromCode(code?: string): Lang | undefined {
  const base = code?.toLowerCase().split("-")[0];
  return isLang(base) ? base : undefined;
}

/** Plain text in the reader's language, or in another with `lang` telling which. */
export function pick(text: Localized | undefined, lang: Lang): { text: string; lang: Lang } | undefined {
  if (!text) return undefined;
  for (const l of FALLBACK[lang]) {
    const v = text[l];
    if (v) return { text: v, lang: l };
  }
  return undefined;
}

/** Escaped HTML of a localized text, marked "[EN]" when it is not in the reader's language. */
export function localizedHtml(text: Localized | undefined, lang: Lang): string {
  const p = pick(text, lang);
  if (!p) return "";
  const body = escapeHtml(p.text);
  return p.lang === lang ? body : `${body} <i>[${p.lang.toUpperCase()}]</i>`;
}

/** Plain (unescaped) text for button labels, marked the same way. */
export function localizedPlain(text: Localized | undefined, lang: Lang): string {
  const p = pick(text, lang);
  if (!p) return "";
  return p.lang === lang ? p.text : `${p.text} [${p.lang.toUpperCase()}]`;
}
