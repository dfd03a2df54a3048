// Stories that name contacts between the followed sides but are not news of one, by the kind of
// story they are rather than by what they say of the contact: an opinion column, a look back a
// year after, a spokesman's word that nothing is planned, an envoy's trip on another file. Each
// is known by a habit of news writing (a signature line, an anniversary headline, an answer to
// reporters, the one side and the third the headline and lead name), so the whole story is let go,
// with every contact it recalls. Pure; extract.ts asks this of the main contact.
import { dayGap } from "./dates.ts";
import { A_KIND, type Context, type Draft, type EventReading } from "./draft.ts";
import { FOLLOWED, NEWS_DAYS } from "./events.ts";
import { COLUMN_SIGNATURE, LONG_AGO, LOOKING_BACK, NOTHING_TO_ANNOUNCE, OTHER_FILE, RECALLED_CONTACTS, RECALLING } from "./genre-words.ts";
import { isLocative } from "./places.ts";
import { isAside } from "./asides.ts";
import type { ReadSentence } from "./reading.ts";
import { NOT_PLANNED } from "./vocabulary.ts";

/** Why the story, by its kind, reports no contact as news; undefined when it may. */
export function notNewsByGenre(event: EventReading, main: Draft, ctx: Context): string | undefined {
  if (event.secondary) return undefined;
  const headline = ctx.sentences.find((s) => s.headline);
  const lead = ctx.sentences.find((s) => !s.headline && s.tokens.length >= 5);
  const top = [headline, lead].filter((s): s is ReadSentence => s !== undefined);
  const fresh = freshDay(main, ctx.published);
  // "The author is a senior fellow at …", "Мнение автора может не совпадать с позицией редакции",
  // "Автор — колишній посол": a signed column argues about contacts; one it names with no day of
  // the news days is its argument, not its news.
  if (!fresh && ctx.sentences.some((s) => !s.headline && COLUMN_SIGNATURE.test(s.folded))) return `an opinion column on ${A_KIND[main.kind]}, not a report of one`;
  // "A year after Riyadh: …", "Год после Анкориджа", "Рік після Ер-Ріяду", or a lead that opens
  // "Ровно год назад …" and "вспоминаем …": a look back on the contacts of the year, none of them
  // news unless the headline or lead gives one a day of the news days.
  const lookingBack = (headline !== undefined && LOOKING_BACK.test(headline.folded)) || (lead !== undefined && LONG_AGO.test(lead.folded) && ctx.sentences.some((s) => s.paragraph === lead.paragraph && RECALLING.test(s.folded)));
  // (So is a lead in which someone recalls the contacts: "In an interview aired on Saturday,
  // Witkoff recalled his meetings with Putin in February, March and April".)
  // (A day only guessed from the story's own is the interview's, not a contact's.)
  const recalling = lead !== undefined && RECALLED_CONTACTS.test(lead.folded) && (!fresh || main.guessed.includes("date"));
  if ((lookingBack && !fresh) || recalling) return `looks back on ${A_KIND[main.kind]} and others done, and reports no new one`;
  // "Песков: новых контактов с Уиткоффом пока не планируется … «Пока анонсировать нечего»",
  // "Kremlin: nothing to announce on new contacts", "Пєсков: нічого анонсувати": where the headline
  // and the lead name no contact but say none is planned, a contact further down is what the
  // spokesman was asked about or recalls.
  const nothingPlanned = top.some((s) => NOT_PLANNED.test(s.folded) || NOTHING_TO_ANNOUNCE.test(s.folded));
  // (A contact set for a day further down is news beside it: "При этом Лавров и Рубио проведут
  // телефонный разговор в четверг".)
  if (nothingPlanned && main.status !== "scheduled" && !top.some((s) => event.anchors.includes(s))) return "says no contact is planned, and names others only as asked about or recalled";
  // ("Кремль: анонсировать встречу Путина и Трампа пока нечего": so is a contact named with it, set for no day.)
  if ((main.status === "announced" || main.status === "scheduled") && !fresh && event.anchors.some((s) => NOTHING_TO_ANNOUNCE.test(s.folded))) return `says there is nothing to announce of ${A_KIND[main.kind]}`;
  // "Witkoff and Kushner join Gaza ceasefire talks in Egypt", "Уиткофф прибыл в Каир на переговоры
  // Израиля и ХАМАС", "Віткофф прибув до Оману на переговори з Іраном": the headline and the lead
  // give one followed side and a third; the other followed side, named only further on ("He has
  // also been Trump's main channel to Putin"), is the envoy's other file.
  if (FOLLOWED.every((p) => main.parties.includes(p)) && anotherFile(event.anchors)) return `reports ${A_KIND[main.kind]} of one side with a third; the other side comes up only further on`;
  return undefined;
}

/** Is the contact dated within the news days of the story (done in them, or to come)? */
function freshDay(main: Draft, published: string): boolean {
  if (main.date === null) return false;
  if (main.date.length === 7) return main.date === published.slice(0, 7);
  const gap = dayGap(main.date, published);
  return main.status === "held" ? gap >= 0 && gap <= NEWS_DAYS : gap <= NEWS_DAYS;
}

/** Do the anchors name one followed side only, with a third side or another file beside it? */
function anotherFile(anchors: ReadSentence[]): boolean {
  const followed = new Set<string>();
  let third = false;
  for (const s of anchors) {
    if (OTHER_FILE.test(s.text)) third = true;
    for (const m of s.mentions) {
      const code = m.named.type === "person" ? (m.named.person.reports || isAside(s, m) ? undefined : m.named.person.side) : m.named.type === "country" ? m.named.country.code : m.named.place.country;
      if (code === undefined) continue;
      if (FOLLOWED.includes(code)) followed.add(code);
      // (A country named where the contact is, "talks in Egypt", is its host, not a side.)
      else if (code !== "UA" && (m.named.type === "person" || (m.named.type === "country" && !isLocative(s, m)))) third = true;
    }
  }
  return third && followed.size === 1;
}
