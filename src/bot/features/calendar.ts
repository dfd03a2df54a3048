// "📅 Add to calendar" under an entry's details: the entry as an .ics document, which phones
// and desktop mail apps open straight into their calendar.
import { InputFile } from "grammy";
import { renderEntryCalendar } from "../../calendar/ics.ts";
import { truncate } from "../../present/html.ts";
import { localizedPlain } from "../../present/translate.ts";
import type { ParleyContext } from "../context.ts";

export async function calendarFileButton(ctx: ParleyContext, id: string) {
  const e = ctx.deps.record().find(id);
  if (!e) return ctx.answerCallbackQuery({ text: ctx.t("event-gone"), show_alert: true });
  const ics = renderEntryCalendar(e, { lang: ctx.reader.lang, now: ctx.reader.now, publicUrl: ctx.deps.publicUrl, sequenceOf: ctx.deps.calendarSequence });
  // The button is shown only for entries with a day, but the entry may have changed since.
  if (!ics) return ctx.answerCallbackQuery({ text: ctx.t("calendar-no-date"), show_alert: true });
  await ctx.answerCallbackQuery();
  // The caption is plain text (no parse mode): the title goes in as it is, short of the 1024 limit.
  await ctx.replyWithDocument(new InputFile(Buffer.from(ics, "utf8"), `${e.id}.ics`), {
    caption: ctx.t("calendar-caption", { title: truncate(localizedPlain(e.title, ctx.reader.lang), 300) }),
  });
}
