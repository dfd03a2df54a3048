// /timeline [series]: the series' entries (or every series') on a time axis, as a picture drawn
// in the process (timeline/svg.ts, then png.ts). A picture is kept per record version, series,
// language and day until the record changes; once Telegram has it, its file_id is sent instead
// of the bytes.
import { InputFile } from "grammy";
import { formatDay } from "../../present/dates.ts";
import { escapeHtml, truncate } from "../../present/html.ts";
import { localizedPlain } from "../../present/translate.ts";
import type { RecordView } from "../../record/record.ts";
import { svgToPng } from "../../timeline/png.ts";
import { timelineSvg } from "../../timeline/svg.ts";
import type { ParleyContext } from "../context.ts";
import { readerToday } from "../reader.ts";

interface Picture {
  png: Buffer;
  caption: string;
  /** Telegram's id for the uploaded photo: sending it again costs no upload. */
  fileId?: string;
}

// A reloaded record is a new RecordView: its pictures start afresh and the old ones go with it.
const pictures = new WeakMap<RecordView, Map<string, Picture>>();

function draw(ctx: ParleyContext, record: RecordView, trackId: string | undefined, today: string): Picture {
  const { lang, t } = ctx.reader;
  const index = trackId ? record.byTrack.get(trackId)! : undefined;
  const title = index ? t("timeline-title", { track: localizedPlain(index.track.title, lang) }) : t("timeline-all-title");
  const entries = index ? index.entries : record.chrono;
  const trackTitles = new Map(record.tracks.map((tr) => [tr.id, localizedPlain(tr.title, lang)]));
  const { svg, drawn } = timelineSvg(entries, {
    title,
    lanes: index ? "kind" : "track",
    trackTitle: (id) => trackTitles.get(id) ?? id,
    lang,
    t,
    today,
  });
  return { png: svgToPng(svg), caption: truncate(t("timeline-caption", { title, count: drawn, date: formatDay(today, lang) }), 1000) };
}

/** /timeline [series] */
export async function timelineCommand(ctx: ParleyContext, arg: string) {
  const record = ctx.deps.record();
  const trackId = arg.toLowerCase() || undefined;
  if (trackId && !record.byTrack.has(trackId)) {
    const ids = record.tracks.map((t) => `<code>${escapeHtml(t.id)}</code>`).join(", ");
    await ctx.reply(ctx.t("track-not-found", { id: escapeHtml(trackId.slice(0, 40)), ids }));
    return;
  }
  const today = readerToday(ctx);
  let byKey = pictures.get(record);
  if (!byKey) pictures.set(record, (byKey = new Map()));
  const key = `${trackId ?? ""}|${ctx.reader.lang}|${today}`;
  let picture = byKey.get(key);
  if (!picture) byKey.set(key, (picture = draw(ctx, record, trackId, today)));
  const sent = await ctx.replyWithPhoto(picture.fileId ?? new InputFile(picture.png, "timeline.png"), { caption: picture.caption });
  // The largest size Telegram made of it comes last.
  picture.fileId ??= sent.photo?.at(-1)?.file_id;
}
