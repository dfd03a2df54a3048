// Which of the three languages an article is in. Letter counts are enough: Ukrainian has
// і/ї/є/ґ that Russian lacks, Russian has ы/э/ъ/ё that Ukrainian lacks, and English is Latin.
export const ARTICLE_LANGS = ["ru", "uk", "en"] as const;
export type ArticleLang = (typeof ARTICLE_LANGS)[number];

export function detectLanguage(text: string): ArticleLang {
  let latin = 0;
  let cyrillic = 0;
  let uk = 0;
  let ru = 0;
  for (const ch of text) {
    if (/[a-zA-Z]/.test(ch)) latin++;
    else if (/[\u0400-\u04FF]/.test(ch)) {
      cyrillic++;
      if ("іїєґІЇЄҐ".includes(ch)) uk++;
      else if ("ыэъёЫЭЪЁ".includes(ch)) ru++;
    }
  }
  if (latin > cyrillic) return "en";
  // A Ukrainian page quoting a Russian headline still has far more і than ы.
  return uk > ru ? "uk" : "ru";
}
