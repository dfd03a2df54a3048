// Which of the three languages an article is in. Letter counts are enough: Ukrainian has
// і/ї/є/ґ that Russian lacks, Russian has ы/э/ъ/ё that Ukrainian lacks, and English is Latin.
export const ARTICLE_LANGS = ["ru", "uk", "en"] as const;
export type ArticleLang = (typeof ARTICLE_LANGS)[number];

export function detectLanguage(text: string): ArticleLang {
  let latin = 0;
  let cyrillic = 0;
  let uk = 0;
  let ru = 0;
  // (By character code, not a pattern per character: a long article is read here letter by letter.)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin++;
    else if (code >= 0x400 && code <= 0x4ff) {
      cyrillic++;
      if ("іїєґІЇЄҐ".includes(text[i])) uk++;
      else if ("ыэъёЫЭЪЁ".includes(text[i])) ru++;
    }
  }
  if (latin > cyrillic) return "en";
  // A Ukrainian page quoting a Russian headline still has far more і than ы.
  return uk > ru ? "uk" : "ru";
}
